namespace Tenancy.ControlPlane.Metering;

/// <summary>A tenant's usage per hour over a period, for operators (the control-plane API's usage query).</summary>
public sealed record UsageReport(string TenantId, string From, string To, IReadOnlyList<UsageReportHour> Hours, UsageReportHour Total);

/// <summary>One hour of a <see cref="UsageReport"/>; <see cref="Closed"/> once billed, late usage kept apart.</summary>
public sealed record UsageReportHour(string Hour, long Requests, long ItemsRead, long ItemsWritten, long BytesIn, long BytesOut, long ComputeMs, bool Closed, long LateRequests);
