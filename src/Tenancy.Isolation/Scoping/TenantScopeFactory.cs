using Tenancy.Isolation.Encryption;

namespace Tenancy.Isolation;

/// <summary>
/// The only way to obtain a <see cref="TenantScope"/>: looks the tenant up in the registry (it must be ACTIVE),
/// takes clients vended for exactly that tenant and binds the tenant's field encryptor. Fails closed with
/// <see cref="TenantAccessDeniedException"/>; there is no default tenant.
/// </summary>
public sealed class TenantScopeFactory
{
    private readonly ITenantRegistry _registry;
    private readonly ITenantClientProvider _clients;
    private readonly ITenantFieldEncryptorFactory? _encryptors;

    /// <summary>Creates the factory from the registry, the credential provider and the encryptor factory.</summary>
    public TenantScopeFactory(ITenantRegistry registry, ITenantClientProvider clients, ITenantFieldEncryptorFactory? encryptors = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _encryptors = encryptors;
    }

    /// <summary>Looks the tenant up and vends its clients; throws <see cref="TenantAccessDeniedException"/> when the tenant can't be served.</summary>
    public async ValueTask<TenantScope> CreateAsync(TenantId tenantId, TenantRequestor requestor, CancellationToken cancellationToken = default)
    {
        if (tenantId.IsEmpty)
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.MissingTenant, "No tenant was resolved for this request.");
        }

        ArgumentNullException.ThrowIfNull(requestor);

        var registration = await _registry.FindAsync(tenantId, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantAccessDeniedException(TenantAccessDeniedReason.UnknownTenant, $"Tenant '{tenantId}' is not registered.");

        if (registration.TenantId != tenantId)
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.UnknownTenant, "The registry answered for a different tenant.");
        }

        if (registration.Status != TenantStatus.Active)
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.InactiveTenant, $"Tenant '{tenantId}' is {registration.Status}, not Active.");
        }

        var clients = await _clients.GetClientsAsync(tenantId, requestor, cancellationToken).ConfigureAwait(false);
        if (clients.TenantId != tenantId)
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.CredentialMismatch, "The client provider returned clients of another tenant.");
        }

        var encryptor = _encryptors?.Create(tenantId, registration.Placement, clients);
        return new TenantScope(tenantId, registration.Tier, registration.Placement, clients, encryptor);
    }
}
