namespace Tenancy.ControlPlane.Metering;

/// <summary>What one delivery contributed: lines read, skipped, and how its tenant-hour groups were written.</summary>
public sealed record AggregationSummary(int Records, int Malformed, int OtherLines, int Groups, int Counted, int Duplicates, int Late);
