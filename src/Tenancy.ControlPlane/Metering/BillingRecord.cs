namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// One closed tenant-hour: usage only, no prices (billing systems price it). <see cref="Id"/> is stable, so a consumer
/// of the <c>TenantUsageClosed</c> event can ignore a repeat.
/// </summary>
public sealed record BillingRecord(
    string Id,
    string TenantId,
    string Hour,
    string Tier,
    long Requests,
    long ItemsRead,
    long ItemsWritten,
    long BytesIn,
    long BytesOut,
    long ComputeMs,
    string ClosedAt,
    bool Published);
