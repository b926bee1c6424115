using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Tenancy.Isolation.Encryption;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Isolation.Objects;

/// <summary>
/// Tenant documents on S3, reachable only through a <see cref="TenantScope"/>: every call uses the scope's vended
/// credentials and builds its key as <c>tenants/&lt;scope tenant&gt;/&lt;area&gt;/&lt;name&gt;</c> from validated parts,
/// so no input can name another tenant's prefix; IAM (<c>TenantObjectsOnly</c>, <c>ListTenantPrefixOnly</c>) refuses
/// it anyway. Objects are size-limited, content-type checked and, by default, envelope-encrypted under the tenant's
/// KMS key with the field encryption, bound to bucket and key. Failures are typed <see cref="TenantObjectException"/>s.
/// </summary>
public sealed class TenantObjectStore
{
    private const string ContentTypeMetadata = "tenancy-content-type";
    private const string EncryptionMetadata = "tenancy-encryption";
    private const string EncryptionFormat = "field-v1";
    private const string StoredEncryptedType = "application/octet-stream";
    private const string ObjectAttribute = "object";

    // Room for the envelope (version, wrapped data key, nonce, tag) on top of the plaintext limit.
    private const int EnvelopeAllowance = 4096;

    private readonly TenantObjectOptions _options;

    /// <summary>Creates the store for the bucket and limits of <paramref name="options"/>.</summary>
    public TenantObjectStore(TenantObjectOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The store's limits.</summary>
    public TenantObjectOptions Options => _options;

    /// <summary>Writes (or replaces) one object; returns its entity tag.</summary>
    public async Task<string> PutAsync(TenantScope scope, TenantObjectArea area, TenantObjectName name, ReadOnlyMemory<byte> content, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(name);
        if (content.Length > _options.MaxObjectBytes)
        {
            throw new ObjectTooLargeException($"An object has at most {_options.MaxObjectBytes} bytes.");
        }

        var mediaType = MediaType(contentType);
        if (mediaType is null || !_options.AllowedContentTypes.Contains(mediaType))
        {
            throw new UnsupportedObjectContentTypeException($"The content type '{contentType}' is not accepted.");
        }

        var key = TenantObjectKeys.For(scope.TenantId, area, name);
        var request = new PutObjectRequest { BucketName = _options.BucketName, Key = key, ContentType = mediaType };
        if (_options.EncryptObjects)
        {
            var encryptor = Encryptor(scope);
            var sealedContent = await encryptor.EncryptAsync(content, Context(scope, key), cancellationToken).ConfigureAwait(false);
            request.InputStream = new MemoryStream(sealedContent);
            request.ContentType = StoredEncryptedType;
            request.Metadata.Add(EncryptionMetadata, EncryptionFormat);
        }
        else
        {
            request.InputStream = new MemoryStream(content.ToArray());
        }

        request.Metadata.Add(ContentTypeMetadata, mediaType);
        var response = await CallAsync(() => scope.S3.PutObjectAsync(request, cancellationToken)).ConfigureAwait(false);
        return response.ETag;
    }

    /// <summary>Reads one object; <see cref="TenantObjectNotFoundException"/> when the tenant has none by that name.</summary>
    public async Task<TenantObject> GetAsync(TenantScope scope, TenantObjectArea area, TenantObjectName name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(name);
        var key = TenantObjectKeys.For(scope.TenantId, area, name);
        GetObjectResponse response;
        try
        {
            response = await CallAsync(() => scope.S3.GetObjectAsync(new GetObjectRequest { BucketName = _options.BucketName, Key = key }, cancellationToken)).ConfigureAwait(false);
        }
        catch (TenantObjectAccessDeniedException)
        {
            // S3 answers AccessDenied, not NoSuchKey, to a session that may not list the whole bucket.
            if (!await ExistsAsync(scope, key, cancellationToken).ConfigureAwait(false))
            {
                throw NotFound();
            }

            throw;
        }

        using (response)
        {
            var stored = await ReadBoundedAsync(response.ResponseStream, _options.MaxObjectBytes + EnvelopeAllowance, cancellationToken).ConfigureAwait(false);
            var mediaType = response.Metadata[ContentTypeMetadata] is { Length: > 0 } declared ? declared : response.Headers.ContentType;
            var encrypted = string.Equals(response.Metadata[EncryptionMetadata], EncryptionFormat, StringComparison.Ordinal);
            if (_options.EncryptObjects && !encrypted)
            {
                // Never serve plaintext where ciphertext is required: it was not written through this store.
                throw new TenantEncryptionException("The object is not encrypted under the tenant's key.");
            }

            var content = encrypted
                ? await Encryptor(scope).DecryptAsync(stored, Context(scope, key), cancellationToken).ConfigureAwait(false)
                : stored;
            return new TenantObject(name.Value, mediaType, content, response.ETag);
        }
    }

    /// <summary>Deletes one object; <see cref="TenantObjectNotFoundException"/> when the tenant has none by that name.</summary>
    public async Task DeleteAsync(TenantScope scope, TenantObjectArea area, TenantObjectName name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(name);
        var key = TenantObjectKeys.For(scope.TenantId, area, name);
        if (!await ExistsAsync(scope, key, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound();
        }

        await CallAsync(() => scope.S3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _options.BucketName, Key = key }, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Lists the objects of one area in name order, one page at a time.</summary>
    public async Task<Page<TenantObjectInfo>> ListAsync(TenantScope scope, TenantObjectArea area, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(area);
        var prefix = TenantObjectKeys.AreaPrefix(scope.TenantId, area);
        var request = new ListObjectsV2Request
        {
            BucketName = _options.BucketName,
            Prefix = prefix,
            Delimiter = "/",
            MaxKeys = page.Limit,
            ContinuationToken = page.ContinuationToken is null ? null : TenantObjectContinuation.Unwrap(scope.TenantId, area, page.ContinuationToken),
        };
        var response = await CallAsync(() => scope.S3.ListObjectsV2Async(request, cancellationToken)).ConfigureAwait(false);
        var items = new List<TenantObjectInfo>();
        foreach (var listed in response.S3Objects ?? [])
        {
            if (!listed.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new TenantObjectAccessDeniedException("A listed object lies outside the tenant's prefix.");
            }

            items.Add(new TenantObjectInfo(listed.Key[prefix.Length..], listed.Size ?? 0, listed.ETag, listed.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : default));
        }

        var next = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken)
            ? TenantObjectContinuation.Wrap(scope.TenantId, area, response.NextContinuationToken)
            : null;
        return new Page<TenantObjectInfo>(items, next);
    }

    private async Task<bool> ExistsAsync(TenantScope scope, string key, CancellationToken cancellationToken)
    {
        var response = await CallAsync(() => scope.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _options.BucketName, Prefix = key, MaxKeys = 1 }, cancellationToken)).ConfigureAwait(false);
        return (response.S3Objects ?? []).Any(o => string.Equals(o.Key, key, StringComparison.Ordinal));
    }

    // The field encryptor insists on the tenant's key namespace; the object key is bound as the sort key.
    private EncryptedFieldContext Context(TenantScope scope, string key) =>
        new(scope.TenantId, _options.BucketName, $"TENANT#{scope.TenantId.Value}#OBJECT", key, ObjectAttribute);

    private static ITenantFieldEncryptor Encryptor(TenantScope scope) =>
        scope.FieldEncryptor ?? throw new TenantEncryptionException("Objects are encrypted, but the scope has no field encryptor.");

    private static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ObjectTooLargeException("The stored object is larger than the store accepts.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static TenantObjectNotFoundException NotFound() => new("The tenant has no object with this name.");

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.Forbidden || ex.ErrorCode == "AccessDenied")
        {
            throw new TenantObjectAccessDeniedException("The platform denied the object operation.", ex);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchKey")
        {
            throw NotFound();
        }
    }
}
