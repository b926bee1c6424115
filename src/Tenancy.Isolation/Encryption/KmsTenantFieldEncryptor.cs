using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// Envelope encryption of attribute values under one tenant's KMS key: AES-256-GCM with a data key from
/// <c>GenerateDataKey</c> (encryption context <c>{"tenant": id}</c>), the value bound to tenant, table, keys and
/// attribute name as associated data. KMS is called through the tenant-scoped client only, and only on a cache
/// miss. Created per request by <see cref="KmsTenantFieldEncryptorFactory"/>; the caches live in the factory.
/// </summary>
public sealed class KmsTenantFieldEncryptor : ITenantFieldEncryptor
{
    private readonly string _keyId;
    private readonly IAmazonKeyManagementService _kms;
    private readonly TenantDataKeyCache _cache;
    private readonly FieldEncryptionCounters _counters;
    private readonly TimeProvider _time;
    private readonly string _partitionKeyPrefix;

    // The KMS callbacks are bound once per encryptor, on first use, so a warm encrypt/decrypt allocates only its result.
    private Func<Task<TenantDataKey>>? _generateDataKey;
    private Func<byte[], Task<TenantDataKey>>? _unwrapDataKey;

    internal KmsTenantFieldEncryptor(TenantId tenantId, string keyId, IAmazonKeyManagementService kms, TenantDataKeyCache cache, FieldEncryptionCounters counters, TimeProvider time)
    {
        TenantId = tenantId;
        _keyId = keyId;
        _kms = kms;
        _cache = cache;
        _counters = counters;
        _time = time;
        _partitionKeyPrefix = $"TENANT#{tenantId.Value}";
    }

    /// <inheritdoc/>
    public TenantId TenantId { get; }

    /// <inheritdoc/>
    public async ValueTask<byte[]> EncryptAsync(ReadOnlyMemory<byte> plaintext, EncryptedFieldContext context, CancellationToken cancellationToken)
    {
        EnsureOwnContext(context);
        var key = await _cache.LeaseEncryptionKeyAsync(_generateDataKey ??= GenerateDataKeyAsync, cancellationToken).ConfigureAwait(false);
        try
        {
            var sealedValue = FieldCipher.Seal(key, plaintext.Span, context);
            _counters.CountEncryption();
            return sealedValue;
        }
        finally
        {
            key.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<byte[]> DecryptAsync(ReadOnlyMemory<byte> ciphertext, EncryptedFieldContext context, CancellationToken cancellationToken)
    {
        EnsureOwnContext(context);
        if (!EncryptedFieldFormat.TryParse(ciphertext, out var envelope, out var error))
        {
            throw new TenantEncryptionException($"The value is not a readable encrypted field: {error}.");
        }

        var key = await _cache.LeaseDecryptionKeyAsync(envelope.EncryptedDataKey, _unwrapDataKey ??= UnwrapDataKeyAsync, cancellationToken).ConfigureAwait(false);
        try
        {
            var plaintext = FieldCipher.Open(key, envelope, context);
            _counters.CountDecryption();
            return plaintext;
        }
        finally
        {
            key.Release();
        }
    }

    // The partition key must be this tenant's (TENANT#<id> or TENANT#<id>#...): a value is never sealed for, or
    // opened as, another tenant's item even if the caller mixed up contexts.
    private void EnsureOwnContext(in EncryptedFieldContext context)
    {
        if (context.TenantId != TenantId)
        {
            throw new TenantEncryptionException($"This encryptor belongs to tenant '{TenantId}', not '{context.TenantId}'.");
        }

        var partitionKey = context.PartitionKey ?? string.Empty;
        var ownPartition = partitionKey.StartsWith(_partitionKeyPrefix, StringComparison.Ordinal)
            && (partitionKey.Length == _partitionKeyPrefix.Length || partitionKey[_partitionKeyPrefix.Length] == '#');
        if (!ownPartition)
        {
            throw new TenantEncryptionException($"The partition key of an encrypted value must be {_partitionKeyPrefix} or start with {_partitionKeyPrefix}#.");
        }

        if (string.IsNullOrEmpty(context.TableName) || string.IsNullOrEmpty(context.AttributeName))
        {
            throw new TenantEncryptionException("An encrypted value needs its table and attribute name.");
        }
    }

    private async Task<TenantDataKey> GenerateDataKeyAsync()
    {
        _counters.CountGenerateDataKey(TenantId);
        try
        {
            var response = await _kms.GenerateDataKeyAsync(
                new GenerateDataKeyRequest
                {
                    KeyId = _keyId,
                    KeySpec = DataKeySpec.AES_256,
                    EncryptionContext = TenantKeyContext.For(TenantId),
                }).ConfigureAwait(false);
            var plaintext = TakeAndWipe(response.Plaintext);
            using var encrypted = response.CiphertextBlob;
            return new TenantDataKey(plaintext, encrypted?.ToArray() ?? [], _time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not TenantEncryptionException)
        {
            throw new TenantEncryptionException($"The key of tenant '{TenantId}' did not issue a data key ({Describe(ex)}).", ex);
        }
    }

    private async Task<TenantDataKey> UnwrapDataKeyAsync(byte[] encryptedKey)
    {
        _counters.CountDecrypt(TenantId);
        try
        {
            using var blob = new MemoryStream(encryptedKey, writable: false);
            var response = await _kms.DecryptAsync(
                new DecryptRequest
                {
                    KeyId = _keyId,
                    CiphertextBlob = blob,
                    EncryptionContext = TenantKeyContext.For(TenantId),
                }).ConfigureAwait(false);
            return new TenantDataKey(TakeAndWipe(response.Plaintext), encryptedKey, _time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not TenantEncryptionException)
        {
            throw new TenantEncryptionException($"The key of tenant '{TenantId}' did not unwrap the data key ({Describe(ex)}).", ex);
        }
    }

    private static byte[] TakeAndWipe(MemoryStream? stream)
    {
        if (stream is null)
        {
            throw new TenantEncryptionException("KMS returned no plaintext data key.");
        }

        using (stream)
        {
            var bytes = stream.ToArray();
            if (stream.TryGetBuffer(out var buffer))
            {
                CryptographicOperations.ZeroMemory(buffer.AsSpan());
            }

            return bytes;
        }
    }

    private static string Describe(Exception ex) => ex is Amazon.Runtime.AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode)
        ? service.ErrorCode
        : ex.GetType().Name;
}
