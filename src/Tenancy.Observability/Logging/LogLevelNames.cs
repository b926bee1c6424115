using Microsoft.Extensions.Logging;

namespace Tenancy.Observability.Logging;

/// <summary>Level names as they appear in the <c>level</c> key, and parsing of the level environment variables.</summary>
internal static class LogLevelNames
{
    /// <summary>The <c>level</c> value: the Microsoft.Extensions.Logging name, as Powertools for .NET writes it.</summary>
    public static string ToJsonName(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        LogLevel.Critical => "Critical",
        _ => "None",
    };

    /// <summary>
    /// Parses a level from <c>AWS_LAMBDA_LOG_LEVEL</c> (TRACE, DEBUG, INFO, WARN, ERROR, FATAL) or
    /// <c>POWERTOOLS_LOG_LEVEL</c> (those or the .NET names), case-insensitively.
    /// </summary>
    public static bool TryParse(string? text, out LogLevel level)
    {
        level = LogLevel.Information;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "TRACE":
                level = LogLevel.Trace;
                return true;
            case "DEBUG":
                level = LogLevel.Debug;
                return true;
            case "INFO":
            case "INFORMATION":
                level = LogLevel.Information;
                return true;
            case "WARN":
            case "WARNING":
                level = LogLevel.Warning;
                return true;
            case "ERROR":
                level = LogLevel.Error;
                return true;
            case "FATAL":
            case "CRITICAL":
                level = LogLevel.Critical;
                return true;
            case "NONE":
                level = LogLevel.None;
                return true;
            default:
                return false;
        }
    }
}
