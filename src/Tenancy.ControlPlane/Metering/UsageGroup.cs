namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// One tenant-hour of a delivery: its totals and the ids of the log events they came from (the batch's identity, so a
/// redelivery is recognised and not counted again).
/// </summary>
public sealed class UsageGroup(string tenantId, UsageHour hour)
{
    public string TenantId { get; } = tenantId;

    public UsageHour Hour { get; } = hour;

    public string Tier { get; set; } = string.Empty;

    public UsageTotals Totals { get; } = new();

    public List<string> EventIds { get; } = [];
}
