namespace Tenancy.ControlPlane.Metering;

/// <summary>A usage query: the tenant and the first and last hour (inclusive, <c>yyyy-MM-ddTHH</c>).</summary>
public sealed record UsageQueryRequest(string? TenantId, string? From, string? To);
