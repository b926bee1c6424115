namespace Tenancy.Observability.Usage;

/// <summary>
/// The usage line's field names and version (documented in docs/metering.md). The marker field carries the schema
/// version; a reader refuses versions it does not know instead of guessing.
/// </summary>
public static class UsageRecordSchema
{
    /// <summary>The field that marks a log line as a usage record; its value is the schema version.</summary>
    public const string Marker = "_tenancy_usage";

    /// <summary>The schema version this library writes and reads.</summary>
    public const int Version = 1;

    internal const string Timestamp = "timestamp";
    internal const string TenantId = "tenant_id";
    internal const string Tier = "tier";
    internal const string Service = "service";
    internal const string Operation = "operation";
    internal const string Status = "status";
    internal const string Requests = "requests";
    internal const string ItemsRead = "items_read";
    internal const string ItemsWritten = "items_written";
    internal const string BytesIn = "bytes_in";
    internal const string BytesOut = "bytes_out";
    internal const string DurationMs = "duration_ms";
    internal const string ComputeMs = "compute_ms";
}
