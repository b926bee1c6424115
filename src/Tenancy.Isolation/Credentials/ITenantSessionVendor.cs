namespace Tenancy.Isolation.Credentials;

/// <summary>Obtains one STS session for a tenant (AssumeRole or AssumeRoleWithWebIdentity).</summary>
internal interface ITenantSessionVendor
{
    Task<VendedCredentials> VendAsync(TenantId tenantId, TenantTier tier, TenantRequestor requestor, CancellationToken cancellationToken);
}
