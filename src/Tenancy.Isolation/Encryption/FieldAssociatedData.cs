using System.Buffers.Binary;
using System.Text;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// The AES-GCM associated data of one attribute value: a domain label, the ciphertext header, then tenant, table,
/// partition key, sort key and attribute name. Every part is length-prefixed (uint32 BE + UTF-8), so no two
/// different contexts encode to the same bytes ("a" + "b#c" never equals "a#b" + "c").
/// </summary>
internal static class FieldAssociatedData
{
    private static readonly byte[] DomainLabel = "tenancy/field/v1"u8.ToArray();

    public static byte[] Encode(ReadOnlySpan<byte> header, in EncryptedFieldContext context)
    {
        var tenant = context.TenantId.Value;
        var table = context.TableName ?? string.Empty;
        var partitionKey = context.PartitionKey ?? string.Empty;
        var sortKey = context.SortKey ?? string.Empty;
        var attribute = context.AttributeName ?? string.Empty;

        var size = Prefixed(DomainLabel.Length) + Prefixed(header.Length)
            + Prefixed(Encoding.UTF8.GetByteCount(tenant)) + Prefixed(Encoding.UTF8.GetByteCount(table))
            + Prefixed(Encoding.UTF8.GetByteCount(partitionKey)) + Prefixed(Encoding.UTF8.GetByteCount(sortKey))
            + Prefixed(Encoding.UTF8.GetByteCount(attribute));
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        span = WriteBytes(span, DomainLabel);
        span = WriteBytes(span, header);
        span = WriteText(span, tenant);
        span = WriteText(span, table);
        span = WriteText(span, partitionKey);
        span = WriteText(span, sortKey);
        WriteText(span, attribute);
        return buffer;
    }

    private static int Prefixed(int length) => sizeof(uint) + length;

    private static Span<byte> WriteBytes(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)value.Length);
        value.CopyTo(destination[sizeof(uint)..]);
        return destination[(sizeof(uint) + value.Length)..];
    }

    private static Span<byte> WriteText(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[sizeof(uint)..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)written);
        return destination[(sizeof(uint) + written)..];
    }
}
