using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// Folds items into a <see cref="TierChangeDigest"/>: SHA-256 of each item's canonical form (attributes ordinal by
/// name, each with a type tag and length-prefixed value; set members sorted; encrypted attributes by their plaintext,
/// since their ciphertext differs per table), summed mod 2^256 so the order items are listed in does not matter.
/// </summary>
internal sealed class TenantItemDigester
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;
    private readonly TenantFieldRebinder _rebinder;

    public TenantItemDigester(TenantFieldRebinder rebinder) => _rebinder = rebinder;

    public async Task<TierChangeDigest> AddAsync(TierChangeDigest digest, TenantId tenantId, string tableName, IReadOnlyList<Dictionary<string, AttributeValue>> items, CancellationToken cancellationToken)
    {
        var sum = Parse(digest.Sum);
        foreach (var item in items)
        {
            var hash = SHA256.HashData(await CanonicalAsync(tenantId, tableName, item, cancellationToken).ConfigureAwait(false));
            sum = (sum + new BigInteger(hash, isUnsigned: true, isBigEndian: true)) % Modulus;
        }

        return new TierChangeDigest(digest.Count + items.Count, Format(sum));
    }

    private async Task<byte[]> CanonicalAsync(TenantId tenantId, string tableName, Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        var partitionKey = item.GetValueOrDefault("PK")?.S ?? string.Empty;
        var sortKey = item.GetValueOrDefault("SK")?.S ?? string.Empty;
        using var buffer = new MemoryStream();
        foreach (var name in item.Keys.Order(StringComparer.Ordinal))
        {
            Write(buffer, 'A', Encoding.UTF8.GetBytes(name));
            var value = item[name];
            if (value.B is { } stream
                && await _rebinder.TryOpenAsync(tenantId, tableName, partitionKey, sortKey, name, stream.ToArray(), cancellationToken).ConfigureAwait(false) is { } plaintext)
            {
                Write(buffer, 'E', plaintext);
            }
            else
            {
                WriteValue(buffer, value);
            }
        }

        return buffer.ToArray();
    }

    private static void WriteValue(MemoryStream buffer, AttributeValue value)
    {
        if (value.S is not null)
        {
            Write(buffer, 'S', Encoding.UTF8.GetBytes(value.S));
        }
        else if (value.N is not null)
        {
            Write(buffer, 'N', Encoding.UTF8.GetBytes(value.N));
        }
        else if (value.B is not null)
        {
            Write(buffer, 'B', value.B.ToArray());
        }
        else if (value.BOOL is { } flag)
        {
            Write(buffer, 'T', [flag ? (byte)1 : (byte)0]);
        }
        else if (value.NULL is true)
        {
            Write(buffer, '0', []);
        }
        else if (value.SS is { Count: > 0 } strings)
        {
            WriteSet(buffer, 's', strings.Select(Encoding.UTF8.GetBytes));
        }
        else if (value.NS is { Count: > 0 } numbers)
        {
            WriteSet(buffer, 'n', numbers.Select(Encoding.UTF8.GetBytes));
        }
        else if (value.BS is { Count: > 0 } binaries)
        {
            WriteSet(buffer, 'b', binaries.Select(b => b.ToArray()));
        }
        else if (value.M is { } map)
        {
            Write(buffer, 'M', BitConverter.GetBytes(map.Count));
            foreach (var key in map.Keys.Order(StringComparer.Ordinal))
            {
                Write(buffer, 'A', Encoding.UTF8.GetBytes(key));
                WriteValue(buffer, map[key]);
            }
        }
        else if (value.L is { } list)
        {
            Write(buffer, 'L', BitConverter.GetBytes(list.Count));
            foreach (var element in list)
            {
                WriteValue(buffer, element);
            }
        }
        else
        {
            throw new TierChangeRefusedException("An attribute has a type the digest does not know; refusing to guess.");
        }
    }

    private static void WriteSet(MemoryStream buffer, char tag, IEnumerable<byte[]> members)
    {
        var sorted = members.Select(Convert.ToHexString).Order(StringComparer.Ordinal).ToList();
        Write(buffer, tag, BitConverter.GetBytes(sorted.Count));
        foreach (var member in sorted)
        {
            Write(buffer, tag, Convert.FromHexString(member));
        }
    }

    private static void Write(MemoryStream buffer, char tag, byte[] value)
    {
        buffer.WriteByte((byte)tag);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        buffer.Write(length);
        buffer.Write(value);
    }

    private static BigInteger Parse(string hex) =>
        hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
            ? BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : throw new TierChangeRefusedException("The digest to continue is not 64 hex digits.");

    private static string Format(BigInteger sum)
    {
        var bytes = sum.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return Convert.ToHexStringLower(padded);
    }
}
