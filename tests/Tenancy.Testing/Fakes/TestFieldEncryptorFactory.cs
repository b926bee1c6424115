using System.Security.Cryptography;
using System.Text;
using Tenancy.Isolation;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Testing.Fakes;

/// <summary>A <see cref="TestFieldEncryptor"/> per tenant, each with its own key derived from one random master key.</summary>
public sealed class TestFieldEncryptorFactory : ITenantFieldEncryptorFactory
{
    private readonly byte[] _master = RandomNumberGenerator.GetBytes(32);

    public ITenantFieldEncryptor Create(TenantId tenantId, TenantPlacement placement, TenantClients clients) =>
        new TestFieldEncryptor(tenantId, HMACSHA256.HashData(_master, Encoding.UTF8.GetBytes(tenantId.Value)));
}
