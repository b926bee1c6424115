using Microsoft.Extensions.Logging;

namespace Tenancy.Lambda.Runtime;

/// <summary>
/// The runtime's fallback logger when the application supplies none: one line per entry on stderr, which Lambda
/// forwards to CloudWatch Logs. Deliberately tiny so a bare bootstrap does not pay for a logging stack at init.
/// </summary>
public sealed class StandardErrorLogger : ILogger
{
    /// <summary>The single instance; standard error is process-wide.</summary>
    public static readonly StandardErrorLogger Instance = new();

    private StandardErrorLogger()
    {
    }

    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var requestId = LambdaInvocationContext.Current?.AwsRequestId ?? "-";
        var line = exception is null
            ? $"{logLevel} {requestId} {formatter(state, exception)}"
            : $"{logLevel} {requestId} {formatter(state, exception)}{Environment.NewLine}{exception}";
        Console.Error.WriteLine(line);
    }
}
