namespace Tenancy.Isolation.Encryption;

/// <summary>The parts of a parsed encrypted attribute value (slices of the original bytes, nothing copied).</summary>
internal readonly record struct EncryptedFieldEnvelope(
    ReadOnlyMemory<byte> Header,
    ReadOnlyMemory<byte> EncryptedDataKey,
    ReadOnlyMemory<byte> Nonce,
    ReadOnlyMemory<byte> Tag,
    ReadOnlyMemory<byte> Ciphertext);
