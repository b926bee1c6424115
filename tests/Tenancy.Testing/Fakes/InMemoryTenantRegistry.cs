using Tenancy.Isolation;

namespace Tenancy.Testing.Fakes;

/// <summary>A registry held in memory, for tests of components that consume <see cref="ITenantRegistry"/>.</summary>
public sealed class InMemoryTenantRegistry : ITenantRegistry
{
    private readonly Dictionary<TenantId, TenantRegistration> _registrations = [];

    /// <summary>Registers (or replaces) a tenant placed by convention: the pooled table, or its own silo table.</summary>
    public InMemoryTenantRegistry Add(
        string id,
        TenantTier tier = TenantTier.Basic,
        TenantStatus status = TenantStatus.Active,
        TenancyModel model = TenancyModel.Pool,
        string pooledTableName = "AppData")
    {
        var tenantId = TenantId.Parse(id);
        lock (_registrations)
        {
            _registrations[tenantId] = new TenantRegistration(tenantId, id, tier, status, TenantPlacement.Conventional(tenantId, model, pooledTableName));
        }

        return this;
    }

    public ValueTask<TenantRegistration?> FindAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        lock (_registrations)
        {
            return ValueTask.FromResult(_registrations.GetValueOrDefault(tenantId));
        }
    }
}
