using System.Collections.Concurrent;

namespace Tenancy.Isolation.Encryption;

/// <summary>KMS calls made by the field encryptors, per tenant (for tests and metrics: the warm path should make none).</summary>
public sealed class FieldEncryptionCounters
{
    private readonly ConcurrentDictionary<TenantId, long> _generateDataKey = new();
    private readonly ConcurrentDictionary<TenantId, long> _decrypt = new();
    private long _encryptions;
    private long _decryptions;

    /// <summary>KMS GenerateDataKey calls made for <paramref name="tenantId"/>.</summary>
    public long GenerateDataKeyCalls(TenantId tenantId) => _generateDataKey.GetValueOrDefault(tenantId);

    /// <summary>KMS Decrypt calls made for <paramref name="tenantId"/>.</summary>
    public long DecryptCalls(TenantId tenantId) => _decrypt.GetValueOrDefault(tenantId);

    /// <summary>KMS GenerateDataKey calls across all tenants.</summary>
    public long TotalGenerateDataKeyCalls => _generateDataKey.Values.Sum();

    /// <summary>KMS Decrypt calls across all tenants.</summary>
    public long TotalDecryptCalls => _decrypt.Values.Sum();

    /// <summary>Values encrypted (all tenants).</summary>
    public long Encryptions => Interlocked.Read(ref _encryptions);

    /// <summary>Values decrypted and authenticated (all tenants).</summary>
    public long Decryptions => Interlocked.Read(ref _decryptions);

    internal void CountGenerateDataKey(TenantId tenantId) => _generateDataKey.AddOrUpdate(tenantId, 1, static (_, n) => n + 1);

    internal void CountDecrypt(TenantId tenantId) => _decrypt.AddOrUpdate(tenantId, 1, static (_, n) => n + 1);

    internal void CountEncryption() => Interlocked.Increment(ref _encryptions);

    internal void CountDecryption() => Interlocked.Increment(ref _decryptions);
}
