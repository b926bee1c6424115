using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Tenancy.Isolation.Encryption;
using Microsoft.Extensions.Time.Testing;
using Tenancy.Testing.Fakes;

namespace Tenancy.Isolation.Tests.Encryption;

/// <summary>
/// The AES-GCM instances pooled per data key: shared by many threads without mixing up values, compatible with a
/// freshly built <see cref="AesGcm"/> in both directions, and disposed when the key is retired, evicted or cleared.
/// </summary>
public sealed class PooledCipherTests
{
    private static readonly TenantId Acme = TenantId.Parse("acme");
    private static readonly EncryptedFieldContext Context = new(Acme, "AppData", "TENANT#acme", "ORDER#1", "email");
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("alice@example.com");
    private readonly FakeTimeProvider _time = TestClock.Create();

    [Fact]
    public void Many_threads_sharing_one_key_round_trip_their_own_values()
    {
        var key = LocalDataKeys.Create(DateTimeOffset.UnixEpoch);
        const int threads = 8;
        const int operations = 2_000;
        var failures = 0;
        var roundTrips = 0;
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < operations; i++)
            {
                var plaintext = Encoding.UTF8.GetBytes($"thread {thread} value {i} {new string('x', i % 64)}");
                var context = Context with { SortKey = $"ORDER#{thread}-{i}" };
                var value = FieldCipher.Seal(key, plaintext, context);
                EncryptedFieldFormat.TryParse(value, out var envelope, out _);
                if (FieldCipher.Open(key, envelope, context).AsSpan().SequenceEqual(plaintext))
                {
                    Interlocked.Increment(ref roundTrips);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());

        Assert.Equal(0, failures);
        Assert.Equal(threads * operations, roundTrips);
        Assert.InRange(key.PooledCiphers, 1, threads);
    }

    [Fact]
    public async Task Concurrent_encryptions_and_decryptions_through_one_cached_key_stay_correct()
    {
        var cache = new TenantDataKeyCache(new FieldEncryptionOptions(), _time);
        var written = FieldCipher.Seal(await LeaseAndReleaseAsync(cache), Plaintext, Context);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var encryptionKey = await cache.LeaseEncryptionKeyAsync(GenerateLocal, CancellationToken.None);
                byte[] value;
                try
                {
                    value = FieldCipher.Seal(encryptionKey, BitConverter.GetBytes((worker * 1000) + i), Context);
                }
                finally
                {
                    encryptionKey.Release();
                }

                foreach (var stored in new[] { value, written })
                {
                    EncryptedFieldFormat.TryParse(stored, out var envelope, out _);
                    var decryptionKey = await cache.LeaseDecryptionKeyAsync(envelope.EncryptedDataKey, NoUnwrap, CancellationToken.None);
                    try
                    {
                        var opened = FieldCipher.Open(decryptionKey, envelope, Context);
                        var expected = ReferenceEquals(stored, written) ? Plaintext : BitConverter.GetBytes((worker * 1000) + i);
                        if (!opened.AsSpan().SequenceEqual(expected))
                        {
                            return false;
                        }
                    }
                    finally
                    {
                        decryptionKey.Release();
                    }
                }
            }

            return true;
        })));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void A_value_sealed_with_a_pooled_cipher_opens_with_a_fresh_AesGcm_and_the_reverse()
    {
        var key = LocalDataKeys.Create(DateTimeOffset.UnixEpoch);
        FieldCipher.Seal(key, Plaintext, Context); // leaves a pooled instance behind

        var value = FieldCipher.Seal(key, Plaintext, Context);
        var headerSize = 3 + key.EncryptedKey.Length;
        var associatedData = FieldAssociatedData.Encode(value.AsSpan(0, headerSize), Context);
        var opened = new byte[Plaintext.Length];
        using (var fresh = new AesGcm(key.Key, 16))
        {
            fresh.Decrypt(value.AsSpan(headerSize, 12), value.AsSpan(headerSize + 28), value.AsSpan(headerSize + 12, 16), opened, associatedData);
        }

        Assert.Equal(Plaintext, opened);

        // The documented layout written by hand with a fresh instance opens through the pool.
        var handmade = new byte[headerSize + 28 + Plaintext.Length];
        handmade[0] = 0x01;
        BinaryPrimitives.WriteUInt16BigEndian(handmade.AsSpan(1), (ushort)key.EncryptedKey.Length);
        key.EncryptedKey.CopyTo(handmade, 3);
        RandomNumberGenerator.Fill(handmade.AsSpan(headerSize, 12));
        using (var fresh = new AesGcm(key.Key, 16))
        {
            fresh.Encrypt(handmade.AsSpan(headerSize, 12), Plaintext, handmade.AsSpan(headerSize + 28), handmade.AsSpan(headerSize + 12, 16), FieldAssociatedData.Encode(handmade.AsSpan(0, headerSize), Context));
        }

        Assert.True(EncryptedFieldFormat.TryParse(handmade, out var envelope, out _));
        Assert.Equal(Plaintext, FieldCipher.Open(key, envelope, Context));
    }

    [Fact]
    public void A_long_context_beyond_the_stack_buffer_round_trips()
    {
        var key = LocalDataKeys.Create(DateTimeOffset.UnixEpoch, encryptedKeySize: 1024);
        var context = Context with { SortKey = new string('é', 600) };

        var value = FieldCipher.Seal(key, Plaintext, context);

        Assert.True(EncryptedFieldFormat.TryParse(value, out var envelope, out _));
        Assert.Equal(Plaintext, FieldCipher.Open(key, envelope, context));
        Assert.Throws<TenantEncryptionException>(() => FieldCipher.Open(key, envelope, context with { SortKey = new string('e', 600) }));
    }

    [Fact]
    public void Retiring_an_idle_key_disposes_its_pooled_ciphers_and_zeroes_it()
    {
        var key = LocalDataKeys.Create(DateTimeOffset.UnixEpoch);
        var cipher = key.RentCipher();
        key.ReturnCipher(cipher);
        Assert.Equal(1, key.PooledCiphers);

        key.Retire();

        Assert.Equal(0, key.PooledCiphers);
        Assert.True(key.IsZeroed());
        Assert.Throws<ObjectDisposedException>(() => cipher.Encrypt(new byte[12], Plaintext, new byte[Plaintext.Length], new byte[16]));
        Assert.Throws<TenantEncryptionException>(() => FieldCipher.Seal(key, Plaintext, Context));
    }

    [Fact]
    public void A_key_retired_while_leased_keeps_working_until_the_last_release()
    {
        var key = LocalDataKeys.Create(DateTimeOffset.UnixEpoch);
        Assert.True(key.TryLease());
        var before = FieldCipher.Seal(key, Plaintext, Context);
        var cipher = key.RentCipher();
        key.ReturnCipher(cipher);

        key.Retire();
        var during = FieldCipher.Seal(key, Plaintext, Context);
        Assert.True(EncryptedFieldFormat.TryParse(during, out var envelope, out _));
        Assert.Equal(Plaintext, FieldCipher.Open(key, envelope, Context));
        Assert.NotEqual(before, during);
        Assert.False(key.IsZeroed());

        key.Release();

        Assert.True(key.IsZeroed());
        Assert.Equal(0, key.PooledCiphers);
        Assert.Throws<ObjectDisposedException>(() => cipher.Encrypt(new byte[12], Plaintext, new byte[Plaintext.Length], new byte[16]));
    }

    [Fact]
    public async Task Evicted_and_cleared_keys_dispose_their_pooled_ciphers()
    {
        var cache = new TenantDataKeyCache(new FieldEncryptionOptions { MaxDecryptionKeysPerTenant = 1 }, _time);
        var evicted = await cache.LeaseDecryptionKeyAsync(LocalDataKeys.Create(_time.GetUtcNow()).EncryptedKey, UnwrapLocal, CancellationToken.None);
        FieldCipher.Seal(evicted, Plaintext, Context);
        evicted.Release();
        Assert.Equal(1, evicted.PooledCiphers);

        var current = await cache.LeaseDecryptionKeyAsync(LocalDataKeys.Create(_time.GetUtcNow()).EncryptedKey, UnwrapLocal, CancellationToken.None);
        FieldCipher.Seal(current, Plaintext, Context);
        current.Release();

        Assert.Equal(0, evicted.PooledCiphers);
        Assert.True(evicted.IsZeroed());
        Assert.Equal(1, current.PooledCiphers);

        cache.Clear();

        Assert.Equal(0, current.PooledCiphers);
        Assert.True(current.IsZeroed());
    }

    [Fact]
    public void A_failed_open_discards_its_cipher_and_the_key_keeps_working()
    {
        var key = LocalDataKeys.Create(DateTimeOffset.UnixEpoch);
        var value = FieldCipher.Seal(key, Plaintext, Context);
        Assert.Equal(1, key.PooledCiphers);
        value[^1] ^= 0x01;
        Assert.True(EncryptedFieldFormat.TryParse(value, out var tampered, out _));

        Assert.Throws<TenantEncryptionException>(() => FieldCipher.Open(key, tampered, Context));

        Assert.Equal(0, key.PooledCiphers);
        value[^1] ^= 0x01;
        Assert.True(EncryptedFieldFormat.TryParse(value, out var intact, out _));
        Assert.Equal(Plaintext, FieldCipher.Open(key, intact, Context));
    }

    [Fact]
    public void The_pool_disposes_what_it_cannot_hold_and_what_comes_back_after_disposal()
    {
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        var pool = new AesGcmPool(capacity: 1);
        var first = pool.Rent(keyBytes);
        var second = pool.Rent(keyBytes);
        Assert.NotSame(first, second);

        pool.Return(first);
        pool.Return(second);
        Assert.Equal(1, pool.PooledCount);
        Assert.Same(first, pool.Rent(keyBytes));
        Assert.Throws<ObjectDisposedException>(() => second.Encrypt(new byte[12], Plaintext, new byte[Plaintext.Length], new byte[16]));

        pool.Dispose();
        pool.Return(first);

        Assert.Equal(0, pool.PooledCount);
        Assert.Throws<ObjectDisposedException>(() => first.Encrypt(new byte[12], Plaintext, new byte[Plaintext.Length], new byte[16]));
    }

    private async Task<TenantDataKey> LeaseAndReleaseAsync(TenantDataKeyCache cache)
    {
        var key = await cache.LeaseEncryptionKeyAsync(GenerateLocal, CancellationToken.None);
        key.Release();
        return key;
    }

    private Task<TenantDataKey> GenerateLocal() => Task.FromResult(LocalDataKeys.Create(_time.GetUtcNow()));

    private Task<TenantDataKey> UnwrapLocal(byte[] encryptedKey) =>
        Task.FromResult(new TenantDataKey(RandomNumberGenerator.GetBytes(TenantDataKey.KeySize), encryptedKey, _time.GetUtcNow()));

    private static Task<TenantDataKey> NoUnwrap(byte[] encryptedKey) =>
        throw new InvalidOperationException("Every value was written with the cached key; no unwrap is expected.");
}
