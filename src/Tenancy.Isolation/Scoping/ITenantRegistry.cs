namespace Tenancy.Isolation;

/// <summary>Reads a tenant's registration: status, tier and placement. Null when the tenant is unknown.</summary>
public interface ITenantRegistry
{
    /// <summary>The tenant's registration, or null when the tenant is unknown.</summary>
    ValueTask<TenantRegistration?> FindAsync(TenantId tenantId, CancellationToken cancellationToken);
}
