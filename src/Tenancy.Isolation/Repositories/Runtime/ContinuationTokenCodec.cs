using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Turns a query's <c>LastEvaluatedKey</c> into an opaque, versioned base64url token and back.
/// <para>
/// Layout: version byte (1), attribute count, (name, string value) pairs, then a 16-byte SHA-256 tag over a domain
/// label, the binding (tenant, table, index, partition key, entity prefix) and the pairs. The tag is a checksum, not a
/// MAC: it makes a token from another tenant or query, or any edited byte, fail with
/// <see cref="InvalidContinuationTokenException"/>. Isolation does not rest on it: a decoded start key must also sit
/// in exactly the partition the scope-built query reads (and the tenant's table partition), so even a hand-crafted
/// token with a valid tag can only resume inside the caller's own tenant and query.
/// </para>
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ContinuationTokenCodec
{
    /// <summary>The token format version, checked on decode.</summary>
    public const byte Version = 1;
    /// <summary>The longest token accepted, so a client can't make the server decode arbitrary input.</summary>
    public const int MaxTokenLength = 4096;
    private const int TagLength = 16;
    private static readonly byte[] DomainLabel = Encoding.UTF8.GetBytes("tenancy/continuation/v1");

    /// <summary>Null when the query is complete.</summary>
    public static string? Encode(ContinuationBinding binding, Dictionary<string, AttributeValue>? lastEvaluatedKey)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (lastEvaluatedKey is not { Count: > 0 })
        {
            return null;
        }

        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write7BitEncodedInt(lastEvaluatedKey.Count);
            foreach (var pair in lastEvaluatedKey.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(pair.Key);
                writer.Write(pair.Value.S ?? throw new InvalidOperationException($"Key attribute '{pair.Key}' is not a string; generated keys always are."));
            }
        }

        var body = payload.ToArray();
        var token = new byte[body.Length + TagLength];
        body.CopyTo(token, 0);
        Tag(binding, body).CopyTo(token.AsSpan(body.Length));
        return Base64UrlEncode(token);
    }

    /// <summary>Null for the first page (no token); else the start key, or <see cref="InvalidContinuationTokenException"/>.</summary>
    public static Dictionary<string, AttributeValue>? Decode(ContinuationBinding binding, string? token)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (token is null)
        {
            return null;
        }

        if (token.Length is 0 or > MaxTokenLength)
        {
            throw Invalid("it is empty or too long");
        }

        var bytes = Base64UrlDecode(token) ?? throw Invalid("it is not base64url");
        if (bytes.Length <= TagLength + 1 || bytes[0] != Version)
        {
            throw Invalid("its format version is unknown");
        }

        var body = bytes.AsSpan(0, bytes.Length - TagLength);
        if (!CryptographicOperations.FixedTimeEquals(Tag(binding, body), bytes.AsSpan(bytes.Length - TagLength)))
        {
            throw Invalid("it was issued for another tenant or query, or was altered");
        }

        var key = ReadPairs(body.ToArray());
        if (!key.TryGetValue(binding.PartitionKeyAttribute, out var partition) || !string.Equals(partition.S, binding.PartitionKey, StringComparison.Ordinal))
        {
            throw Invalid("it does not continue this query's partition");
        }

        if (!key.TryGetValue(binding.TablePartitionKeyAttribute, out var tablePartition) || !TenantKeys.BelongsTo(binding.Scope, tablePartition.S))
        {
            throw Invalid("it does not belong to this tenant");
        }

        return key;
    }

    private static Dictionary<string, AttributeValue> ReadPairs(byte[] body)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(body, writable: false), Encoding.UTF8);
            reader.ReadByte();
            var count = reader.Read7BitEncodedInt();
            if (count is < 1 or > 4)
            {
                throw Invalid("its key is malformed");
            }

            var key = new Dictionary<string, AttributeValue>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                key[name] = AttributeWriter.FromString(reader.ReadString());
            }

            return reader.BaseStream.Position == body.Length ? key : throw Invalid("it has trailing data");
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or DecoderFallbackException)
        {
            throw new InvalidContinuationTokenException("The continuation token is malformed.", ex);
        }
    }

    private static byte[] Tag(ContinuationBinding binding, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(DomainLabel);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in new[] { binding.Scope.TenantId.Value, binding.Scope.Placement.TableName, binding.IndexName, binding.PartitionKeyAttribute, binding.PartitionKey, binding.EntityPrefix })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        hash.AppendData(body);
        return hash.GetHashAndReset().AsSpan(0, TagLength).ToArray();
    }

    private static InvalidContinuationTokenException Invalid(string why) => new($"The continuation token is not valid here: {why}.");

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? Base64UrlDecode(string token)
    {
        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return null;
            }
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", 0 => string.Empty, _ => "!" };
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
