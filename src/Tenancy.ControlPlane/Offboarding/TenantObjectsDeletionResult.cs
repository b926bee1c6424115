namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// Output of <c>tenant-objects-deletion</c>. <see cref="Cursor"/> null means no object is left under
/// <c>tenants/&lt;id&gt;/</c> (checked by a listing from the start); otherwise the state machine invokes again with it.
/// </summary>
public sealed record TenantObjectsDeletionResult(string TenantId, string? Cursor, int Deleted);
