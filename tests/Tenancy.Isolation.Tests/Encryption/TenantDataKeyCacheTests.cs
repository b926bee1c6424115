using Microsoft.Extensions.Time.Testing;
using Tenancy.Isolation.Encryption;
using Tenancy.Testing.Fakes;

namespace Tenancy.Isolation.Tests.Encryption;

/// <summary>
/// The data-key cache policy (age, use count, entry bound, single-flight, zeroization) with an injected clock.
/// Keys come from a local generator that counts its calls; the KMS path is covered by the LocalCloud tests.
/// </summary>
public sealed class TenantDataKeyCacheTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private int _generated;
    private int _unwrapped;

    [Fact]
    public async Task Reuses_the_encryption_key_within_its_age_and_use_bounds()
    {
        var cache = NewCache(new FieldEncryptionOptions { DataKeyMaxAge = TimeSpan.FromMinutes(5), DataKeyMaxUses = 1000 });

        var keys = new HashSet<TenantDataKey>();
        for (var i = 0; i < 1000; i++)
        {
            var key = await cache.LeaseEncryptionKeyAsync(Generate, CancellationToken.None);
            keys.Add(key);
            key.Release();
        }

        Assert.Single(keys);
        Assert.Equal(1, _generated);
    }

    [Fact]
    public async Task Generates_a_new_key_after_max_uses_and_zeroes_the_old_one()
    {
        var cache = NewCache(new FieldEncryptionOptions { DataKeyMaxUses = 3 });

        var first = await LeaseAndRelease(cache);
        await LeaseAndRelease(cache);
        await LeaseAndRelease(cache);
        var fourth = await LeaseAndRelease(cache);

        Assert.NotSame(first, fourth);
        Assert.Equal(2, _generated);
        Assert.True(first.IsRetired);
        Assert.True(first.IsZeroed());
        Assert.False(fourth.IsZeroed());
    }

    [Fact]
    public async Task Generates_a_new_key_after_max_age()
    {
        var cache = NewCache(new FieldEncryptionOptions { DataKeyMaxAge = TimeSpan.FromMinutes(5) });

        var first = await LeaseAndRelease(cache);
        _time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.Same(first, await LeaseAndRelease(cache));
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await LeaseAndRelease(cache);

        Assert.NotSame(first, second);
        Assert.Equal(2, _generated);
    }

    [Fact]
    public async Task A_retired_key_is_zeroed_only_after_the_running_operation_releases_it()
    {
        var cache = NewCache(new FieldEncryptionOptions { DataKeyMaxUses = 1 });

        var inUse = await cache.LeaseEncryptionKeyAsync(Generate, CancellationToken.None);
        var next = await cache.LeaseEncryptionKeyAsync(Generate, CancellationToken.None);

        Assert.True(inUse.IsRetired);
        Assert.False(inUse.IsZeroed());
        inUse.Release();
        Assert.True(inUse.IsZeroed());
        next.Release();
    }

    [Fact]
    public async Task Concurrent_misses_share_one_generation()
    {
        var cache = NewCache(new FieldEncryptionOptions());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<TenantDataKey> SlowGenerate()
        {
            await gate.Task;
            return await Generate();
        }

        var leases = Enumerable.Range(0, 50).Select(_ => cache.LeaseEncryptionKeyAsync(SlowGenerate, CancellationToken.None).AsTask()).ToList();
        await Task.Delay(50);
        gate.SetResult();
        var keys = await Task.WhenAll(leases);

        Assert.Equal(1, _generated);
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public async Task A_failed_generation_reaches_every_waiter_and_the_next_call_tries_again()
    {
        var cache = NewCache(new FieldEncryptionOptions());

        await Assert.ThrowsAsync<TenantEncryptionException>(async () =>
            await cache.LeaseEncryptionKeyAsync(() => Task.FromException<TenantDataKey>(new TenantEncryptionException("key disabled")), CancellationToken.None));
        var key = await LeaseAndRelease(cache);

        Assert.False(key.IsRetired);
        Assert.Equal(1, _generated);
    }

    [Fact]
    public async Task Generated_keys_serve_decryption_without_unwrapping()
    {
        var cache = NewCache(new FieldEncryptionOptions());
        var key = await LeaseAndRelease(cache);

        var forDecryption = await cache.LeaseDecryptionKeyAsync(key.EncryptedKey, Unwrap, CancellationToken.None);
        forDecryption.Release();

        Assert.Equal(0, _unwrapped);
        Assert.Equal(key.Key.ToArray(), forDecryption.Key.ToArray());
        Assert.NotSame(key, forDecryption);
    }

    [Fact]
    public async Task Unwraps_each_encrypted_key_once_per_age_window()
    {
        var cache = NewCache(new FieldEncryptionOptions { DataKeyMaxAge = TimeSpan.FromMinutes(5) });
        var stored = LocalDataKeys.Create(_time.GetUtcNow());

        for (var i = 0; i < 100; i++)
        {
            (await cache.LeaseDecryptionKeyAsync(stored.EncryptedKey, Unwrap, CancellationToken.None)).Release();
        }

        Assert.Equal(1, _unwrapped);
        _time.Advance(TimeSpan.FromMinutes(5));
        (await cache.LeaseDecryptionKeyAsync(stored.EncryptedKey, Unwrap, CancellationToken.None)).Release();
        Assert.Equal(2, _unwrapped);
    }

    [Fact]
    public async Task Decryption_keys_are_bounded_and_evicted_ones_zeroed()
    {
        var cache = NewCache(new FieldEncryptionOptions { MaxDecryptionKeysPerTenant = 2 });
        var leased = new List<TenantDataKey>();
        for (var i = 0; i < 3; i++)
        {
            var key = await cache.LeaseDecryptionKeyAsync(LocalDataKeys.Create(_time.GetUtcNow()).EncryptedKey, Unwrap, CancellationToken.None);
            key.Release();
            leased.Add(key);
        }

        Assert.True(leased[0].IsZeroed());
        Assert.False(leased[2].IsZeroed());
    }

    [Fact]
    public async Task Clear_zeroes_every_cached_key()
    {
        var cache = NewCache(new FieldEncryptionOptions());
        var key = await LeaseAndRelease(cache);
        var forDecryption = await cache.LeaseDecryptionKeyAsync(key.EncryptedKey, Unwrap, CancellationToken.None);
        forDecryption.Release();

        cache.Clear();

        Assert.True(key.IsZeroed());
        Assert.True(forDecryption.IsZeroed());
    }

    private TenantDataKeyCache NewCache(FieldEncryptionOptions options) => new(options, _time);

    private async Task<TenantDataKey> LeaseAndRelease(TenantDataKeyCache cache)
    {
        var key = await cache.LeaseEncryptionKeyAsync(Generate, CancellationToken.None);
        key.Release();
        return key;
    }

    private Task<TenantDataKey> Generate()
    {
        Interlocked.Increment(ref _generated);
        return Task.FromResult(LocalDataKeys.Create(_time.GetUtcNow()));
    }

    private Task<TenantDataKey> Unwrap(byte[] encryptedKey)
    {
        Interlocked.Increment(ref _unwrapped);
        return Task.FromResult(new TenantDataKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), encryptedKey, _time.GetUtcNow()));
    }
}
