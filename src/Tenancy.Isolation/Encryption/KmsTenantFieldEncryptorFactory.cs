using Tenancy.Isolation.Caching;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// Creates each request's <see cref="KmsTenantFieldEncryptor"/> and owns the per-tenant data-key caches that outlive
/// requests (bounded by <see cref="FieldEncryptionOptions.MaxTenants"/>; evicted tenants' keys are zeroed).
/// Register one instance per process: <c>new KmsTenantFieldEncryptorFactory()</c> uses the default policy
/// (data keys reused for 5 minutes or 10,000 encryptions).
/// </summary>
public sealed class KmsTenantFieldEncryptorFactory : ITenantFieldEncryptorFactory, IDisposable
{
    private readonly FieldEncryptionOptions _options;
    private readonly TimeProvider _time;
    private readonly BoundedLruCache<TenantKeyReference, TenantDataKeyCache> _caches;

    /// <summary>Creates the factory; the data-key cache lives as long as the factory.</summary>
    public KmsTenantFieldEncryptorFactory(FieldEncryptionOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new FieldEncryptionOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _caches = new BoundedLruCache<TenantKeyReference, TenantDataKeyCache>(_options.MaxTenants, static cache => cache.Clear());
    }

    /// <summary>KMS calls per tenant, for tests and metrics.</summary>
    public FieldEncryptionCounters Counters { get; } = new();

    /// <inheritdoc/>
    public ITenantFieldEncryptor Create(TenantId tenantId, TenantPlacement placement, TenantClients clients)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(clients);
        if (tenantId.IsEmpty || clients.TenantId != tenantId)
        {
            throw new TenantEncryptionException("A field encryptor needs the clients vended for its own tenant.");
        }

        if (string.IsNullOrWhiteSpace(placement.KmsKeyId))
        {
            throw new TenantEncryptionException($"Tenant '{tenantId}' has no KMS key in its placement.");
        }

        var cache = _caches.GetOrAdd(new TenantKeyReference(tenantId, placement.KmsKeyId), _ => new TenantDataKeyCache(_options, _time));
        return new KmsTenantFieldEncryptor(tenantId, placement.KmsKeyId, clients.Kms, cache, Counters, _time);
    }

    /// <summary>Drops and zeroes every cached data key.</summary>
    public void Dispose() => _caches.Clear();

    private readonly record struct TenantKeyReference(TenantId TenantId, string KeyId);
}
