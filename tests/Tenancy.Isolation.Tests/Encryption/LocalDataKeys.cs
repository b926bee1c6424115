using System.Security.Cryptography;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Isolation.Tests.Encryption;

/// <summary>Data keys generated in the test (no KMS), for format and cache-policy tests.</summary>
internal static class LocalDataKeys
{
    public static TenantDataKey Create(DateTimeOffset createdAt, int encryptedKeySize = 184)
    {
        var encrypted = RandomNumberGenerator.GetBytes(encryptedKeySize);
        return new TenantDataKey(RandomNumberGenerator.GetBytes(TenantDataKey.KeySize), encrypted, createdAt);
    }

    public static TenantDataKey Copy(TenantDataKey key) => new(key.Key.ToArray(), key.EncryptedKey, key.CreatedAt);
}
