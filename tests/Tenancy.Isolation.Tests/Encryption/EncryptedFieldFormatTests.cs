using System.Text;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Isolation.Tests.Encryption;

/// <summary>The version-1 format and AES-GCM sealing with a locally generated data key (KMS is not involved).</summary>
public sealed class EncryptedFieldFormatTests
{
    private static readonly TenantId Acme = TenantId.Parse("acme");
    private static readonly EncryptedFieldContext Context = new(Acme, "AppData", "TENANT#acme", "ORDER#1", "email");
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("alice@example.com");
    private readonly TenantDataKey _key = LocalDataKeys.Create(DateTimeOffset.UnixEpoch);

    [Fact]
    public void Sealed_value_has_the_documented_layout_and_opens_again()
    {
        var value = FieldCipher.Seal(_key, Plaintext, Context);

        Assert.Equal(EncryptedFieldFormat.Version1, value[0]);
        Assert.Equal(_key.EncryptedKey.Length, (value[1] << 8) | value[2]);
        Assert.Equal(_key.EncryptedKey, value[3..(3 + _key.EncryptedKey.Length)]);
        Assert.Equal(1 + 2 + _key.EncryptedKey.Length + 12 + 16 + Plaintext.Length, value.Length);
        Assert.False(value.AsSpan().IndexOf(Plaintext) >= 0, "the plaintext must not appear in the value");

        Assert.True(EncryptedFieldFormat.TryParse(value, out var envelope, out _));
        Assert.Equal(Plaintext, FieldCipher.Open(_key, envelope, Context));
    }

    [Fact]
    public void Two_encryptions_of_the_same_value_differ()
    {
        Assert.NotEqual(FieldCipher.Seal(_key, Plaintext, Context), FieldCipher.Seal(_key, Plaintext, Context));
    }

    [Fact]
    public void Empty_plaintext_round_trips()
    {
        var value = FieldCipher.Seal(_key, [], Context);

        Assert.True(EncryptedFieldFormat.TryParse(value, out var envelope, out _));
        Assert.Empty(FieldCipher.Open(_key, envelope, Context));
    }

    public static TheoryData<string, int> TamperedRegions() => new()
    {
        { "key length", 2 },
        { "encrypted data key", 10 },
        { "nonce", 3 + 184 + 5 },
        { "tag", 3 + 184 + 12 + 3 },
        { "ciphertext", 3 + 184 + 12 + 16 + 4 },
        { "last byte", -1 },
    };

    [Theory]
    [MemberData(nameof(TamperedRegions))]
    public void Flipping_any_bit_fails_authentication_or_parsing(string region, int offset)
    {
        var value = FieldCipher.Seal(_key, Plaintext, Context);
        var index = offset < 0 ? value.Length + offset : offset;
        value[index] ^= 0x01;

        var ex = Assert.Throws<TenantEncryptionException>(() => OpenOrThrow(value, Context));
        Assert.False(string.IsNullOrEmpty(ex.Message), region);
    }

    [Fact]
    public void Unknown_version_is_rejected_before_any_key_is_used()
    {
        var value = FieldCipher.Seal(_key, Plaintext, Context);
        value[0] = 0x02;

        Assert.False(EncryptedFieldFormat.TryParse(value, out _, out var error));
        Assert.Contains("version 2", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void Truncated_values_are_rejected(int length)
    {
        var value = FieldCipher.Seal(_key, Plaintext, Context);

        Assert.False(EncryptedFieldFormat.TryParse(value.AsMemory(0, length), out _, out _));
    }

    public static TheoryData<EncryptedFieldContext> OtherContexts() => new()
    {
        new EncryptedFieldContext(TenantId.Parse("globex"), "AppData", "TENANT#acme", "ORDER#1", "email"),
        new EncryptedFieldContext(Acme, "AppData-acme", "TENANT#acme", "ORDER#1", "email"),
        new EncryptedFieldContext(Acme, "AppData", "TENANT#acme#2", "ORDER#1", "email"),
        new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "ORDER#2", "email"),
        new EncryptedFieldContext(Acme, "AppData", "TENANT#acme", "ORDER#1", "phone"),
    };

    [Theory]
    [MemberData(nameof(OtherContexts))]
    public void A_value_does_not_open_under_another_tenant_table_item_or_attribute(EncryptedFieldContext other)
    {
        var value = FieldCipher.Seal(_key, Plaintext, Context);

        Assert.Throws<TenantEncryptionException>(() => OpenOrThrow(value, other));
    }

    [Fact]
    public void A_value_does_not_open_under_another_data_key()
    {
        var value = FieldCipher.Seal(_key, Plaintext, Context);
        var otherKey = LocalDataKeys.Create(DateTimeOffset.UnixEpoch);
        Assert.True(EncryptedFieldFormat.TryParse(value, out var envelope, out _));

        Assert.Throws<TenantEncryptionException>(() => FieldCipher.Open(otherKey, envelope, Context));
    }

    private byte[] OpenOrThrow(byte[] value, EncryptedFieldContext context)
    {
        if (!EncryptedFieldFormat.TryParse(value, out var envelope, out var error))
        {
            throw new TenantEncryptionException(error);
        }

        return FieldCipher.Open(_key, envelope, context);
    }
}
