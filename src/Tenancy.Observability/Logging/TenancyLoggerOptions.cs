using Microsoft.Extensions.Logging;

namespace Tenancy.Observability.Logging;

/// <summary>
/// Settings of the Powertools-compatible JSON logger. Anything left null comes from the environment variables
/// Powertools users know (see <see cref="EnvironmentVariableNames"/>).
/// </summary>
public sealed class TenancyLoggerOptions
{
    /// <summary>The <c>service</c> key. Null: <c>POWERTOOLS_SERVICE_NAME</c>, else <c>service_undefined</c>.</summary>
    public string? Service { get; set; }

    /// <summary>
    /// The minimum level when neither <c>AWS_LAMBDA_LOG_LEVEL</c> nor <c>POWERTOOLS_LOG_LEVEL</c> is set
    /// (environment wins, so operators can change the level without a deployment). Default Information.
    /// </summary>
    public LogLevel? MinimumLevel { get; set; }

    /// <summary>
    /// Share of invocations, in [0, 1], that log at Debug regardless of the level. Null:
    /// <c>POWERTOOLS_LOGGER_SAMPLE_RATE</c> (which wins when set). Invalid rates are ignored.
    /// </summary>
    public double? SamplingRate { get; set; }

    /// <summary>Whether <see cref="LoggerEventExtensions.LogIncomingEvent"/> writes anything. Null: <c>POWERTOOLS_LOGGER_LOG_EVENT</c>.</summary>
    public bool? LogEvent { get; set; }

    /// <summary>Whether the category name is written as <c>name</c>, as Powertools does. Default true.</summary>
    public bool IncludeCategoryName { get; set; } = true;

    /// <summary>Whether key/value pairs of <c>BeginScope</c> become keys. Default true.</summary>
    public bool IncludeScopes { get; set; } = true;

    /// <summary>Where lines go. Null (the default): the process's stdout stream, one write per line.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>The clock of the <c>timestamp</c> key.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the Powertools environment variables are read from.</summary>
    public IEnvironmentReader Environment { get; set; } = ProcessEnvironmentReader.Instance;

    /// <summary>Decides the <c>cold_start</c> key; shared with metrics by default.</summary>
    public ColdStartTracker ColdStart { get; set; } = ColdStartTracker.Shared;

    /// <summary>Keys added to every line (Powertools' <c>AppendKey</c>).</summary>
    public AppendedLogKeys AppendedKeys { get; set; } = new();

    /// <summary>The sampling dice: returns a value in [0, 1). Replaceable so tests can load them.</summary>
    internal Func<double> SamplerRandom { get; set; } = Random.Shared.NextDouble;

    /// <summary>Replaces <see cref="Output"/> with a raw line sink (benchmarks measure without a TextWriter).</summary>
    internal LineOutput? LineOutputOverride { get; set; }
}
