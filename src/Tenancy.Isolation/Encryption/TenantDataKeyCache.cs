using Tenancy.Isolation.Caching;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// The data keys of one tenant key: the current encryption key (bounded by age and use count) and recently
/// unwrapped keys for decryption, looked up by their encrypted bytes (bounded by age and count). Misses are
/// single-flight: concurrent callers share one KMS call. Retired keys are zeroed (see <see cref="TenantDataKey"/>).
/// </summary>
internal sealed class TenantDataKeyCache
{
    private readonly Lock _gate = new();
    private readonly FieldEncryptionOptions _options;
    private readonly TimeProvider _time;
    private readonly BoundedLruCache<byte[], TenantDataKey> _decryptionKeys;
    private readonly Dictionary<byte[], Task<TenantDataKey>> _pendingUnwraps = new(ByteArrayContentComparer.Instance);
    private TenantDataKey? _encryptionKey;
    private Task<TenantDataKey>? _pendingGeneration;

    public TenantDataKeyCache(FieldEncryptionOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _decryptionKeys = new BoundedLruCache<byte[], TenantDataKey>(options.MaxDecryptionKeysPerTenant, static key => key.Retire(), ByteArrayContentComparer.Instance);
    }

    /// <summary>A leased key for one encryption (the caller releases it); generates a new one when needed.</summary>
    public async ValueTask<TenantDataKey> LeaseEncryptionKeyAsync(Func<Task<TenantDataKey>> generate, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<TenantDataKey> pending;
            lock (_gate)
            {
                var current = _encryptionKey;
                if (current is not null && IsFresh(current) && TryLeaseForEncryption(current))
                {
                    return current;
                }

                if (current is not null)
                {
                    current.Retire();
                    _encryptionKey = null;
                }

                pending = _pendingGeneration ??= GenerateAndInstallAsync(generate);
            }

            var generated = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (TryLeaseForEncryption(generated))
            {
                return generated;
            }
        }
    }

    /// <summary>A leased key for one decryption (the caller releases it); unwraps <paramref name="encryptedKey"/> when not cached.</summary>
    public async ValueTask<TenantDataKey> LeaseDecryptionKeyAsync(ReadOnlyMemory<byte> encryptedKey, Func<byte[], Task<TenantDataKey>> unwrap, CancellationToken cancellationToken)
    {
        byte[]? lookup = null;
        while (true)
        {
            Task<TenantDataKey>? pending;
            lock (_gate)
            {
                // The hit path looks up by the span of the stored value; the key bytes are copied only on a miss.
                if (_decryptionKeys.TryGet(encryptedKey.Span, out var cached))
                {
                    if (IsFresh(cached) && cached.TryLease())
                    {
                        return cached;
                    }

                    _decryptionKeys.Remove(cached.EncryptedKey, cached);
                }

                lookup ??= encryptedKey.ToArray();
                if (!_pendingUnwraps.TryGetValue(lookup, out pending))
                {
                    pending = UnwrapAndInstallAsync(lookup, unwrap);
                    _pendingUnwraps[lookup] = pending;
                }
            }

            var unwrapped = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (unwrapped.TryLease())
            {
                return unwrapped;
            }
        }
    }

    /// <summary>Retires (and zeroes) every cached key.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _encryptionKey?.Retire();
            _encryptionKey = null;
        }

        _decryptionKeys.Clear();
    }

    private bool IsFresh(TenantDataKey key) => _time.GetUtcNow() - key.CreatedAt < _options.DataKeyMaxAge;

    private bool TryLeaseForEncryption(TenantDataKey key)
    {
        if (!key.TryLease())
        {
            return false;
        }

        if (key.CountUse() <= _options.DataKeyMaxUses)
        {
            return true;
        }

        key.Release();
        return false;
    }

    private async Task<TenantDataKey> GenerateAndInstallAsync(Func<Task<TenantDataKey>> generate)
    {
        // Runs after the caller has left the lock, and on no caller's cancellation token: the call is shared.
        await Task.Yield();
        try
        {
            var key = await generate().ConfigureAwait(false);
            // Values just written decrypt without a KMS call: the decryption copy is installed before any caller
            // can encrypt with the new key.
            _decryptionKeys.Set(key.EncryptedKey, new TenantDataKey(key.Key.ToArray(), key.EncryptedKey, key.CreatedAt));
            lock (_gate)
            {
                _encryptionKey?.Retire();
                _encryptionKey = key;
            }

            return key;
        }
        finally
        {
            lock (_gate)
            {
                _pendingGeneration = null;
            }
        }
    }

    private async Task<TenantDataKey> UnwrapAndInstallAsync(byte[] encryptedKey, Func<byte[], Task<TenantDataKey>> unwrap)
    {
        await Task.Yield();
        try
        {
            var key = await unwrap(encryptedKey).ConfigureAwait(false);
            _decryptionKeys.Set(encryptedKey, key);
            return key;
        }
        finally
        {
            lock (_gate)
            {
                _pendingUnwraps.Remove(encryptedKey);
            }
        }
    }
}
