using System.Text;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Isolation.Tests.Encryption;

public sealed class FieldAssociatedDataTests
{
    private static readonly TenantId Acme = TenantId.Parse("acme");
    private static readonly byte[] Header = [0x01, 0x00, 0x02, 0xAA, 0xBB];

    [Fact]
    public void Encodes_every_part_length_prefixed_in_a_fixed_order()
    {
        var encoded = FieldAssociatedData.Encode(Header, new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "ORDER#1", "email"));

        var expected = new List<byte>();
        void Part(byte[] bytes)
        {
            expected.AddRange([(byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length]);
            expected.AddRange(bytes);
        }

        Part(Encoding.UTF8.GetBytes("tenancy/field/v1"));
        Part(Header);
        foreach (var text in new[] { "acme", "AppData", "TENANT#acme", "ORDER#1", "email" })
        {
            Part(Encoding.UTF8.GetBytes(text));
        }

        Assert.Equal(expected.ToArray(), encoded);
    }

    [Fact]
    public void Moving_a_separator_between_parts_changes_the_encoding()
    {
        var a = FieldAssociatedData.Encode(Header, new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "ORDER#1#x", "email"));
        var b = FieldAssociatedData.Encode(Header, new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "ORDER#1", "#xemail"));
        var c = FieldAssociatedData.Encode(Header, new EncryptedFieldContext(Acme, "AppData", "TENANT#acme#ORDER#1", string.Empty, "email"));
        var d = FieldAssociatedData.Encode(Header, new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "ORDER#1", "email"));

        Assert.Equal(4, new[] { a, b, c, d }.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void The_header_is_part_of_the_associated_data()
    {
        var context = new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "ORDER#1", "email");

        Assert.NotEqual(FieldAssociatedData.Encode(Header, context), FieldAssociatedData.Encode([0x01, 0x00, 0x02, 0xAA, 0xBC], context));
    }

    [Fact]
    public void Non_ascii_text_is_counted_in_utf8_bytes()
    {
        var encoded = FieldAssociatedData.Encode(Header, new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "É", "e"));

        var context = new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "E", "e");
        Assert.Equal(FieldAssociatedData.Encode(Header, context).Length + 1, encoded.Length);
    }
}
