namespace Tenancy.Observability.Usage;

/// <summary>What a log line turned out to be for the metering reader.</summary>
public enum UsageLineKind
{
    /// <summary>Any other log line (application logs, EMF documents, platform lines): not metering's business.</summary>
    NotUsage,

    /// <summary>A valid usage record.</summary>
    Usage,

    /// <summary>A line that carries the usage marker but cannot be trusted: broken JSON, a missing or invalid field, an unknown version.</summary>
    Malformed,
}
