using Microsoft.Extensions.Logging;

namespace Tenancy.Observability.Logging;

/// <summary>Powertools' <c>LogEvent</c>: log the incoming event, only when it is switched on.</summary>
public static class LoggerEventExtensions
{
    /// <summary>
    /// Logs <paramref name="eventJson"/> at Information with the event as the <c>message</c> object. The Tenancy
    /// JSON logger writes it only when <see cref="TenancyLoggerOptions.LogEvent"/> or
    /// <c>POWERTOOLS_LOGGER_LOG_EVENT=true</c> says so (events can hold personal data); text that is not JSON is
    /// logged as a string.
    /// </summary>
    public static void LogIncomingEvent(this ILogger logger, string eventJson)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Log(LogLevel.Information, default, new IncomingEvent(eventJson), null, static (state, _) => state.Json);
    }
}
