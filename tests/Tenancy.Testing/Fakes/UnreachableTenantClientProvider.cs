using Tenancy.Isolation;

namespace Tenancy.Testing.Fakes;

/// <summary>Fails the test if anything asks it for clients: for paths that must stop before credentials are vended.</summary>
public sealed class UnreachableTenantClientProvider : ITenantClientProvider
{
    public ValueTask<TenantClients> GetClientsAsync(TenantId tenantId, TenantRequestor requestor, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Credentials must not be vended for tenant '{tenantId.Value}' here.");
}
