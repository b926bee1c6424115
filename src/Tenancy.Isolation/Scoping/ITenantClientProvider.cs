namespace Tenancy.Isolation;

/// <summary>
/// Supplies the clients for one tenant, signed with credentials vended for that tenant (STS AssumeRole with the
/// <c>TenantID</c> session tag in production). Implementations cache per tenant and never hand one tenant's clients
/// to another; the returned <see cref="TenantClients.TenantId"/> must equal the requested tenant.
/// </summary>
public interface ITenantClientProvider
{
    /// <summary>AWS clients whose credentials can reach only <paramref name="tenantId"/>'s data, vended for <paramref name="requestor"/>.</summary>
    ValueTask<TenantClients> GetClientsAsync(TenantId tenantId, TenantRequestor requestor, CancellationToken cancellationToken);
}
