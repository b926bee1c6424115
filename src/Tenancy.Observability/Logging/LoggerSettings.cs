using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Tenancy.Observability.Logging;

/// <summary>The logger's configuration after options and environment are combined, resolved once.</summary>
internal sealed class LoggerSettings
{
    private LoggerSettings(TenancyLoggerOptions options)
    {
        var environment = options.Environment;
        Service = !string.IsNullOrWhiteSpace(options.Service)
            ? options.Service
            : NonEmpty(environment.Get(EnvironmentVariableNames.ServiceName)) ?? EnvironmentVariableNames.UndefinedService;

        var configuredLevel = options.MinimumLevel ?? LogLevel.Information;
        if (LogLevelNames.TryParse(environment.Get(EnvironmentVariableNames.PowertoolsLogLevel), out var powertoolsLevel))
        {
            configuredLevel = powertoolsLevel;
        }

        // Advanced Logging Controls: Lambda drops JSON lines below this level anyway, so it wins.
        MinimumLevel = configuredLevel;
        if (LogLevelNames.TryParse(environment.Get(EnvironmentVariableNames.LambdaLogLevel), out var lambdaLevel))
        {
            MinimumLevel = lambdaLevel;
            if (configuredLevel < lambdaLevel)
            {
                LevelMismatchWarning = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Current log level ({configuredLevel}) does not match AWS Lambda Advanced Logging Controls minimum log level ({lambdaLevel}). This can lead to data loss, consider adjusting them.");
            }
        }

        var rate = options.SamplingRate ?? 0;
        if (double.TryParse(environment.Get(EnvironmentVariableNames.LoggerSampleRate), NumberStyles.Float, CultureInfo.InvariantCulture, out var environmentRate))
        {
            rate = environmentRate;
        }

        SamplingRate = rate is > 0 and <= 1 ? rate : 0;
        LogEvent = options.LogEvent ?? EnvironmentVariableNames.IsTrue(environment.Get(EnvironmentVariableNames.LoggerLogEvent));
        IncludeCategoryName = options.IncludeCategoryName;
        IncludeScopes = options.IncludeScopes;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        ColdStart = options.ColdStart ?? ColdStartTracker.Shared;
        AppendedKeys = options.AppendedKeys ?? new AppendedLogKeys();
        Environment = environment;
        Output = options.LineOutputOverride ?? LineOutput.For(options.Output);
        Sampler = new LogSampler(SamplingRate, options.SamplerRandom ?? Random.Shared.NextDouble);
    }

    public string Service { get; }

    public LogLevel MinimumLevel { get; }

    /// <summary>Set when the configured level is more verbose than Lambda's, as Powertools warns.</summary>
    public string? LevelMismatchWarning { get; }

    public double SamplingRate { get; }

    public bool LogEvent { get; }

    public bool IncludeCategoryName { get; }

    public bool IncludeScopes { get; }

    public TimeProvider TimeProvider { get; }

    public ColdStartTracker ColdStart { get; }

    public AppendedLogKeys AppendedKeys { get; }

    public IEnvironmentReader Environment { get; }

    public LineOutput Output { get; }

    public LogSampler Sampler { get; }

    public static LoggerSettings Resolve(TenancyLoggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LoggerSettings(options);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
