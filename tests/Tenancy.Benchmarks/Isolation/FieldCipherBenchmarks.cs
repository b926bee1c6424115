using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Tenancy.Isolation;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Benchmarks.Isolation;

/// <summary>
/// Encrypting and decrypting one 64-byte field with a warm data key: the pooled <see cref="AesGcm"/> path of
/// <c>FieldCipher</c> (and the whole warm <see cref="KmsTenantFieldEncryptor"/> call around it) against the former
/// approach, kept below as the baseline, that built an <see cref="AesGcm"/> and an associated-data array per
/// operation. No KMS and no network: the data key is generated locally.
/// <c>dotnet run -c Release --project tests/Tenancy.Benchmarks -- --filter '*FieldCipherBenchmarks*' --inProcess --job short</c>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FieldCipherBenchmarks
{
    private const string EncryptCategory = "Encrypt 64 B";
    private const string DecryptCategory = "Decrypt 64 B";

    private readonly byte[] _field64 = RandomNumberGenerator.GetBytes(64);
    private TenantDataKey _key = null!;
    private EncryptedFieldContext _context;
    private byte[] _sealed = null!;
    private EncryptedFieldEnvelope _envelope;
    private TenantDataKeyCache _cache = null!;
    private KmsTenantFieldEncryptor _encryptor = null!;
    private AmazonKeyManagementServiceClient _unusedKms = null!;
    private byte[] _sealedByEncryptor = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tenant = TenantId.Parse("bench");
        // A 184-byte encrypted key: the size of a KMS CiphertextBlob for an AES-256 data key.
        _key = new TenantDataKey(RandomNumberGenerator.GetBytes(TenantDataKey.KeySize), RandomNumberGenerator.GetBytes(184), DateTimeOffset.UtcNow);
        _context = new EncryptedFieldContext(tenant, "TenancyAppData", "TENANT#bench", "ORDER#0001", "email");
        _sealed = FieldCipher.Seal(_key, _field64, _context);
        EncryptedFieldFormat.TryParse(_sealed, out _envelope, out _);

        var options = new FieldEncryptionOptions { DataKeyMaxAge = TimeSpan.FromHours(1), DataKeyMaxUses = long.MaxValue };
        _cache = new TenantDataKeyCache(options, TimeProvider.System);
        var warm = _cache.LeaseEncryptionKeyAsync(() => Task.FromResult(new TenantDataKey(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(184), DateTimeOffset.UtcNow)), CancellationToken.None)
            .AsTask().GetAwaiter().GetResult();
        warm.Release();
        // Never called: the cache is warm for the whole run (an unreachable endpoint would fail loudly).
        _unusedKms = new AmazonKeyManagementServiceClient(new BasicAWSCredentials("bench", "bench"), new AmazonKeyManagementServiceConfig { ServiceURL = "http://127.0.0.1:9" });
        _encryptor = new KmsTenantFieldEncryptor(tenant, "alias/bench", _unusedKms, _cache, new FieldEncryptionCounters(), TimeProvider.System);
        _sealedByEncryptor = _encryptor.EncryptAsync(_field64, _context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cache.Clear();
        _key.Retire();
        _unusedKms.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(EncryptCategory)]
    public byte[] EncryptWithAesGcmPerOperation() => PerOperationCipher.Seal(_key, _field64, _context);

    [Benchmark]
    [BenchmarkCategory(EncryptCategory)]
    public byte[] EncryptWithPooledAesGcm() => FieldCipher.Seal(_key, _field64, _context);

    /// <summary>The whole warm encryptor call: context check, data-key lease (age and use count), seal, release.</summary>
    [Benchmark]
    [BenchmarkCategory(EncryptCategory)]
    public byte[] EncryptThroughWarmEncryptor() => Complete(_encryptor.EncryptAsync(_field64, _context, CancellationToken.None));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(DecryptCategory)]
    public byte[] DecryptWithAesGcmPerOperation() => PerOperationCipher.Open(_key, _envelope, _context);

    [Benchmark]
    [BenchmarkCategory(DecryptCategory)]
    public byte[] DecryptWithPooledAesGcm() => FieldCipher.Open(_key, _envelope, _context);

    /// <summary>The whole warm encryptor call: parse, context check, data-key lookup by the stored key bytes, open, release.</summary>
    [Benchmark]
    [BenchmarkCategory(DecryptCategory)]
    public byte[] DecryptThroughWarmEncryptor() => Complete(_encryptor.DecryptAsync(_sealedByEncryptor, _context, CancellationToken.None));

    // Warm calls complete synchronously; awaiting them here would measure the benchmark's own state machine.
    private static byte[] Complete(ValueTask<byte[]> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("The warm path went asynchronous (a KMS call?).");

    /// <summary>The former cipher, unchanged: a new <see cref="AesGcm"/> and associated-data array on every call.</summary>
    private static class PerOperationCipher
    {
        public static byte[] Seal(TenantDataKey dataKey, ReadOnlySpan<byte> plaintext, in EncryptedFieldContext context)
        {
            var encryptedKey = dataKey.EncryptedKey;
            var output = new byte[EncryptedFieldFormat.TotalSize(encryptedKey.Length, plaintext.Length)];
            var headerSize = EncryptedFieldFormat.WriteHeader(output, encryptedKey);
            var nonce = output.AsSpan(headerSize, EncryptedFieldFormat.NonceSize);
            var tag = output.AsSpan(headerSize + EncryptedFieldFormat.NonceSize, EncryptedFieldFormat.TagSize);
            var ciphertext = output.AsSpan(headerSize + EncryptedFieldFormat.NonceSize + EncryptedFieldFormat.TagSize);
            RandomNumberGenerator.Fill(nonce);
            var associatedData = FieldAssociatedData.Encode(output.AsSpan(0, headerSize), context);
            using var aes = new AesGcm(dataKey.Key, EncryptedFieldFormat.TagSize);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
            return output;
        }

        public static byte[] Open(TenantDataKey dataKey, in EncryptedFieldEnvelope envelope, in EncryptedFieldContext context)
        {
            var associatedData = FieldAssociatedData.Encode(envelope.Header.Span, context);
            var plaintext = new byte[envelope.Ciphertext.Length];
            using var aes = new AesGcm(dataKey.Key, EncryptedFieldFormat.TagSize);
            aes.Decrypt(envelope.Nonce.Span, envelope.Ciphertext.Span, envelope.Tag.Span, plaintext, associatedData);
            return plaintext;
        }
    }
}
