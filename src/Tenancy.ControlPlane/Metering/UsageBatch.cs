namespace Tenancy.ControlPlane.Metering;

/// <summary>A delivery read into tenant-hour groups, with the lines that were skipped.</summary>
public sealed record UsageBatch(IReadOnlyList<UsageGroup> Groups, int Records, int Malformed, int OtherLines);
