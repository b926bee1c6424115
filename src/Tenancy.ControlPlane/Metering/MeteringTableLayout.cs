namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// The metering table's items (control-plane data, never reachable from tenant sessions):
/// counters <c>USAGE#&lt;tenant&gt;#&lt;hour&gt; / COUNTER</c>, batch markers <c>USAGE#&lt;tenant&gt;#&lt;hour&gt; / BATCH#&lt;hash&gt;</c>
/// (expire by TTL) and billing records <c>BILLING#&lt;tenant&gt;#&lt;hour&gt; / RECORD</c>. Counters carry <c>Hour</c> and
/// <c>TenantId</c>, keys of the <c>ByHour</c> index the closer lists an hour's counters with.
/// </summary>
public static class MeteringTableLayout
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";
    public const string ByHourIndex = "ByHour";
    public const string Hour = "Hour";
    public const string TenantId = "TenantId";
    public const string Tier = "Tier";
    public const string ExpiresAt = "ExpiresAt";
    public const string ClosedAt = "ClosedAt";
    public const string Published = "Published";
    public const string Batches = "Batches";

    public const string CounterSortKey = "COUNTER";
    public const string BillingSortKey = "RECORD";

    /// <summary>The counted quantities, as attribute names; late arrivals after a close go to <c>Late</c>-prefixed twins.</summary>
    public static readonly string[] Quantities = ["Requests", "ItemsRead", "ItemsWritten", "BytesIn", "BytesOut", "ComputeMs"];

    public static string UsageKey(string tenantId, UsageHour hour) => $"USAGE#{tenantId}#{hour}";

    public static string BillingKey(string tenantId, UsageHour hour) => $"BILLING#{tenantId}#{hour}";

    public static string BatchSortKey(string batchId) => $"BATCH#{batchId}";

    public static long[] Values(UsageTotals totals) =>
        [totals.Requests, totals.ItemsRead, totals.ItemsWritten, totals.BytesIn, totals.BytesOut, totals.ComputeMs];
}
