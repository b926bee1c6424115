namespace Tenancy.Isolation.Credentials;

/// <summary>
/// Supplies the web identity token (an OIDC JWT) to exchange for a session of <paramref name="tenantId"/> in
/// <see cref="CredentialVendingMode.AssumeRoleWithWebIdentity"/> mode. The token's tags claim must carry
/// <c>TenantID</c> = <paramref name="tenantId"/>; STS takes the session tags from it, not from the caller.
/// </summary>
public delegate ValueTask<string> WebIdentityTokenSource(TenantId tenantId, TenantRequestor requestor, CancellationToken cancellationToken);
