using System.Security.Cryptography;

namespace Tenancy.Isolation.Encryption;

/// <summary>AES-256-GCM sealing and opening of one attribute value in <see cref="EncryptedFieldFormat"/>.</summary>
internal static class FieldCipher
{
    /// <summary>Encrypts <paramref name="plaintext"/> under <paramref name="dataKey"/> (leased by the caller) with a random nonce.</summary>
    public static byte[] Seal(TenantDataKey dataKey, ReadOnlySpan<byte> plaintext, in EncryptedFieldContext context)
    {
        var encryptedKey = dataKey.EncryptedKey;
        var output = new byte[EncryptedFieldFormat.TotalSize(encryptedKey.Length, plaintext.Length)];
        var headerSize = EncryptedFieldFormat.WriteHeader(output, encryptedKey);
        var nonce = output.AsSpan(headerSize, EncryptedFieldFormat.NonceSize);
        var tag = output.AsSpan(headerSize + EncryptedFieldFormat.NonceSize, EncryptedFieldFormat.TagSize);
        var ciphertext = output.AsSpan(headerSize + EncryptedFieldFormat.NonceSize + EncryptedFieldFormat.TagSize);

        // Random 96-bit nonces: a data key encrypts at most DataKeyMaxUses values, far below the 2^32 GCM bound.
        RandomNumberGenerator.Fill(nonce);
        var associatedData = FieldAssociatedData.Encode(output.AsSpan(0, headerSize), context);
        using var aes = new AesGcm(dataKey.Key, EncryptedFieldFormat.TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
        return output;
    }

    /// <summary>Decrypts and authenticates; throws <see cref="TenantEncryptionException"/> and returns nothing when it does not authenticate.</summary>
    public static byte[] Open(TenantDataKey dataKey, in EncryptedFieldEnvelope envelope, in EncryptedFieldContext context)
    {
        var associatedData = FieldAssociatedData.Encode(envelope.Header.Span, context);
        var plaintext = new byte[envelope.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(dataKey.Key, EncryptedFieldFormat.TagSize);
            aes.Decrypt(envelope.Nonce.Span, envelope.Ciphertext.Span, envelope.Tag.Span, plaintext, associatedData);
            return plaintext;
        }
        catch (CryptographicException ex)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw new TenantEncryptionException(
                "The encrypted value does not authenticate for this tenant, table, item and attribute (wrong context or tampered).", ex);
        }
    }
}
