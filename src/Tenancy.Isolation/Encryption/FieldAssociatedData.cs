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

    /// <summary>The associated data as a new array (for tests; the cipher writes it into a stack buffer with <see cref="Write"/>).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> header, in EncryptedFieldContext context)
    {
        var buffer = new byte[GetSize(header.Length, context)];
        Write(buffer, header, context);
        return buffer;
    }

    /// <summary>The encoded length for a header of <paramref name="headerLength"/> bytes and <paramref name="context"/>.</summary>
    public static int GetSize(int headerLength, in EncryptedFieldContext context) =>
        Prefixed(DomainLabel.Length) + Prefixed(headerLength)
        + Prefixed(Encoding.UTF8.GetByteCount(context.TenantId.Value)) + Prefixed(Encoding.UTF8.GetByteCount(context.TableName ?? string.Empty))
        + Prefixed(Encoding.UTF8.GetByteCount(context.PartitionKey ?? string.Empty)) + Prefixed(Encoding.UTF8.GetByteCount(context.SortKey ?? string.Empty))
        + Prefixed(Encoding.UTF8.GetByteCount(context.AttributeName ?? string.Empty));

    /// <summary>Writes the associated data into <paramref name="destination"/> (at least <see cref="GetSize"/> bytes) and returns its length.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> header, in EncryptedFieldContext context)
    {
        var span = destination;
        span = WriteBytes(span, DomainLabel);
        span = WriteBytes(span, header);
        span = WriteText(span, context.TenantId.Value);
        span = WriteText(span, context.TableName ?? string.Empty);
        span = WriteText(span, context.PartitionKey ?? string.Empty);
        span = WriteText(span, context.SortKey ?? string.Empty);
        span = WriteText(span, context.AttributeName ?? string.Empty);
        return destination.Length - span.Length;
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
