namespace Tenancy.Isolation.Encryption;

/// <summary>Creates the field encryptor of one tenant from its placement (key id) and its tenant-scoped KMS client.</summary>
public interface ITenantFieldEncryptorFactory
{
    /// <summary>Creates the encryptor for one tenant, using that tenant's own clients.</summary>
    ITenantFieldEncryptor Create(TenantId tenantId, TenantPlacement placement, TenantClients clients);
}
