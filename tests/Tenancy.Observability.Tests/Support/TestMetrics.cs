using Tenancy.Observability.Metrics;

namespace Tenancy.Observability.Tests.Support;

/// <summary>An <see cref="EmfMetrics"/> wired to a captured output, a fixed clock and a fixed environment.</summary>
internal static class TestMetrics
{
    public static readonly long TimestampMs = GoldenClock.Instant.ToUnixTimeMilliseconds();

    public static EmfMetricsOptions Options(CapturedOutput output, IEnvironmentReader? environment = null, string? metricNamespace = "Tenancy") => new()
    {
        Namespace = metricNamespace,
        Output = output,
        TimeProvider = GoldenClock.Create(),
        Environment = environment ?? Env.Empty,
        ColdStart = new ColdStartTracker(),
    };

    public static EmfMetrics Create(CapturedOutput output, Action<EmfMetricsOptions>? configure = null, IEnvironmentReader? environment = null)
    {
        var options = Options(output, environment);
        configure?.Invoke(options);
        return new EmfMetrics(options);
    }

    /// <summary>Every line validated against the EMF specification.</summary>
    public static IReadOnlyList<string> ValidLines(CapturedOutput output)
    {
        var lines = output.Lines;
        foreach (var line in lines)
        {
            EmfSpecValidator.AssertValid(line);
        }

        return lines;
    }
}
