namespace Tenancy.Observability.Metrics;

/// <summary>The values recorded for one metric name, with its unit and storage resolution.</summary>
internal sealed class MetricBucket(string name, MetricUnit unit, MetricResolution resolution)
{
    public string Name { get; } = name;

    public MetricUnit Unit { get; } = unit;

    public MetricResolution Resolution { get; } = resolution;

    public List<double> Values { get; } = [];
}
