namespace Tenancy.ControlPlane.Offboarding;

/// <summary>Input of <c>pooled-data-deletion</c>: the tenant, and the cursor the previous invocation returned (none at first).</summary>
public sealed record PooledDataDeletionRequest(string? TenantId, string? Cursor);
