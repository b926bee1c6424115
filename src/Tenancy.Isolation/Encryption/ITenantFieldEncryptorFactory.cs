namespace Tenancy.Isolation.Encryption;

/// <summary>Creates the field encryptor of one tenant from its placement (key id) and its tenant-scoped KMS client.</summary>
public interface ITenantFieldEncryptorFactory
{
    ITenantFieldEncryptor Create(TenantId tenantId, TenantPlacement placement, TenantClients clients);
}
