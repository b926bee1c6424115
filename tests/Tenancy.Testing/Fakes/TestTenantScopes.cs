using Tenancy.Isolation;

namespace Tenancy.Testing.Fakes;

/// <summary>
/// Real tenant scopes, made the only way the product allows (through <see cref="TenantScopeFactory"/>) from an
/// in-memory registry that says Active and offline clients: for code that reads the scope's id and tier and never
/// calls AWS (logging, metrics, benchmarks of it).
/// </summary>
public static class TestTenantScopes
{
    public static async Task<TenantScope> CreateAsync(string tenantId, TenantTier tier = TenantTier.Basic, string requestor = "user-1")
    {
        var registry = new InMemoryTenantRegistry().Add(tenantId, tier);
        var factory = new TenantScopeFactory(registry, FixedTenantClientProvider.Offline());
        return await factory.CreateAsync(TenantId.Parse(tenantId), new TenantRequestor(requestor));
    }
}
