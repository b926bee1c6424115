using Microsoft.Extensions.Logging;
using Tenancy.Lambda;

namespace Tenancy.Observability.Logging;

/// <summary>One category's logger: decides whether a level is on (including Debug sampling) and writes the line.</summary>
internal sealed class TenancyLogger(string category, TenancyLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => provider.ScopeProvider.Push(state);

    public bool IsEnabled(LogLevel logLevel)
    {
        if (logLevel == LogLevel.None)
        {
            return false;
        }

        var settings = provider.Settings;
        if (logLevel >= settings.MinimumLevel)
        {
            return true;
        }

        return logLevel >= LogLevel.Debug && settings.SamplingRate > 0 && IsSampledInvocation(settings);
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            if (!IsEnabled(logLevel) || (state is IncomingEvent && !provider.Settings.LogEvent))
            {
                return;
            }

            provider.EntryWriter.Write(category, logLevel, state, exception, formatter, provider.ScopeProvider);
        }
        catch (Exception)
        {
            // Write already guards itself; this catches failures in the level checks so Log never throws.
            provider.EntryWriter.CountFailure();
        }
    }

    private bool IsSampledInvocation(LoggerSettings settings)
    {
        var sampled = settings.Sampler.IsSampled(LambdaInvocationContext.Current?.AwsRequestId, out var firstDecision, out var dice);
        if (sampled && firstDecision)
        {
            provider.EntryWriter.WriteInternal(
                LogLevel.Debug,
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"Changed log level to DEBUG based on Sampling configuration. Sampling Rate: {settings.SamplingRate}, Sampler Value: {dice}."));
        }

        return sampled;
    }
}
