using BenchmarkDotNet.Attributes;
using Tenancy.Isolation;
using Tenancy.Observability;
using Tenancy.Observability.Metrics;
using Tenancy.Testing.Fakes;

namespace Tenancy.Benchmarks.Observability;

/// <summary>One invocation's metrics: ten metrics added, then one EMF document flushed, to a discarding sink.</summary>
[Config(typeof(ShortInProcessConfig))]
public class EmfFlushBenchmarks
{
    private static readonly string[] Names = Enumerable.Range(0, 10).Select(i => $"Metric{i}").ToArray();

    private EmfMetrics _metrics = null!;
    private IDisposable? _tenant;

    [GlobalSetup]
    public void Setup()
    {
        var options = new EmfMetricsOptions
        {
            Namespace = "Tenancy",
            Service = "orders",
            Environment = new DictionaryEnvironmentReader(new Dictionary<string, string>()),
            LineOutputOverride = new DiscardingLineOutput(),
        };
        options.DefaultDimensions["Environment"] = "prod";
        _metrics = new EmfMetrics(options);
        _tenant = AmbientTenant.Enter(TestTenantScopes.CreateAsync("acme", TenantTier.Premium, "bench").GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup() => _tenant?.Dispose();

    [Benchmark(Description = "10 x AddMetric + Flush (1 document)")]
    public void TenMetricsAndFlush()
    {
        for (var i = 0; i < Names.Length; i++)
        {
            _metrics.AddMetric(Names[i], i + 0.5, MetricUnit.Milliseconds);
        }

        _metrics.Flush();
    }
}
