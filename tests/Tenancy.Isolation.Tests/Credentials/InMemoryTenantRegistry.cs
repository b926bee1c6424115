namespace Tenancy.Isolation.Tests.Credentials;

/// <summary>A registry held in memory, for tests of components that consume <see cref="ITenantRegistry"/>.</summary>
internal sealed class InMemoryTenantRegistry : ITenantRegistry
{
    private readonly Dictionary<TenantId, TenantRegistration> _registrations = [];

    public InMemoryTenantRegistry Add(string id, TenantTier tier = TenantTier.Basic, TenantStatus status = TenantStatus.Active)
    {
        var tenantId = TenantId.Parse(id);
        _registrations[tenantId] = new TenantRegistration(tenantId, id, tier, status, TenantPlacement.Conventional(tenantId, TenancyModel.Pool));
        return this;
    }

    public ValueTask<TenantRegistration?> FindAsync(TenantId tenantId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_registrations.GetValueOrDefault(tenantId));
}
