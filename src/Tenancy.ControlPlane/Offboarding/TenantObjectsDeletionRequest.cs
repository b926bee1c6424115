namespace Tenancy.ControlPlane.Offboarding;

/// <summary>Input of <c>tenant-objects-deletion</c>: the tenant, and the cursor the previous invocation returned (none at first).</summary>
public sealed record TenantObjectsDeletionRequest(string? TenantId, string? Cursor);
