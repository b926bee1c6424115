namespace Tenancy.Observability.Metrics;

/// <summary>
/// The EMF <c>StorageResolution</c>. <see cref="Default"/> omits the member (CloudWatch then stores at 60 s).
/// </summary>
public enum MetricResolution
{
    /// <summary>No <c>StorageResolution</c> member: standard resolution.</summary>
    Default = 0,

    /// <summary>High resolution: 1-second granularity.</summary>
    High = 1,

    /// <summary>Standard resolution, written explicitly as 60.</summary>
    Standard = 60,
}
