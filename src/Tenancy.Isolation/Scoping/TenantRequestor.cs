namespace Tenancy.Isolation;

/// <summary>Who is acting for the tenant: becomes the STS <c>SourceIdentity</c>, so AWS audit logs name the user.</summary>
/// <param name="UserId">The verified subject (JWT <c>sub</c>) or, for system work, a fixed service name.</param>
public sealed record TenantRequestor(string UserId);
