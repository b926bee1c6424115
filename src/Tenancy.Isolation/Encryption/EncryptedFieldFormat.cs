using System.Buffers.Binary;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// The binary layout of an encrypted attribute value (documented in <c>docs/encryption.md</c>):
/// <code>
/// version (1 byte, 0x01) | encrypted data key length (uint16 BE) | encrypted data key (the KMS CiphertextBlob)
/// | nonce (12 bytes) | tag (16 bytes) | ciphertext (same length as the plaintext)
/// </code>
/// The header (version, length, encrypted data key) is also part of the associated data, so changing any byte of it
/// fails authentication.
/// </summary>
internal static class EncryptedFieldFormat
{
    public const byte Version1 = 0x01;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int MaxEncryptedDataKeySize = 1024;
    private const int LengthSize = sizeof(ushort);

    public static int HeaderSize(int encryptedDataKeyLength) => 1 + LengthSize + encryptedDataKeyLength;

    public static int TotalSize(int encryptedDataKeyLength, int plaintextLength) =>
        HeaderSize(encryptedDataKeyLength) + NonceSize + TagSize + plaintextLength;

    /// <summary>Writes the header into <paramref name="destination"/> and returns the header length.</summary>
    public static int WriteHeader(Span<byte> destination, ReadOnlySpan<byte> encryptedDataKey)
    {
        if (encryptedDataKey.Length is 0 or > MaxEncryptedDataKeySize)
        {
            throw new TenantEncryptionException($"An encrypted data key of {encryptedDataKey.Length} bytes is not valid.");
        }

        destination[0] = Version1;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)encryptedDataKey.Length);
        encryptedDataKey.CopyTo(destination[(1 + LengthSize)..]);
        return HeaderSize(encryptedDataKey.Length);
    }

    /// <summary>Splits <paramref name="value"/> into its parts; false with a reason when it is not a version-1 value.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out EncryptedFieldEnvelope envelope, out string error)
    {
        envelope = default;
        var span = value.Span;
        if (span.Length < 1)
        {
            error = "the value is empty";
            return false;
        }

        if (span[0] != Version1)
        {
            error = $"unknown format version {span[0]}";
            return false;
        }

        if (span.Length < 1 + LengthSize)
        {
            error = "the header is truncated";
            return false;
        }

        int keyLength = BinaryPrimitives.ReadUInt16BigEndian(span[1..]);
        if (keyLength is 0 or > MaxEncryptedDataKeySize)
        {
            error = "the encrypted data key length is invalid";
            return false;
        }

        var headerSize = HeaderSize(keyLength);
        if (span.Length < headerSize + NonceSize + TagSize)
        {
            error = "the value is truncated";
            return false;
        }

        envelope = new EncryptedFieldEnvelope(
            Header: value[..headerSize],
            EncryptedDataKey: value[(1 + LengthSize)..headerSize],
            Nonce: value.Slice(headerSize, NonceSize),
            Tag: value.Slice(headerSize + NonceSize, TagSize),
            Ciphertext: value[(headerSize + NonceSize + TagSize)..]);
        error = string.Empty;
        return true;
    }
}
