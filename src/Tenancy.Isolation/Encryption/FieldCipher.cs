using System.Buffers;
using System.Security.Cryptography;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// AES-256-GCM sealing and opening of one attribute value in <see cref="EncryptedFieldFormat"/>. The only allocation
/// is the result: the AES-GCM instance comes from the data key's pool, nonce and tag are written in place, and the
/// associated data is built on the stack (pooled when a context is unusually long).
/// </summary>
internal static class FieldCipher
{
    // Typical associated data is 60 bytes of framing, the KMS blob (~180 bytes) and a few short names.
    private const int StackAssociatedDataLimit = 1024;

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
        NonceSource.Fill(nonce);
        var size = FieldAssociatedData.GetSize(headerSize, context);
        byte[]? rented = null;
        var buffer = size <= StackAssociatedDataLimit
            ? stackalloc byte[size]
            : rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var associatedData = buffer[..FieldAssociatedData.Write(buffer, output.AsSpan(0, headerSize), context)];
            var aes = dataKey.RentCipher();
            try
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
            }
            catch
            {
                aes.Dispose();
                throw;
            }

            dataKey.ReturnCipher(aes);
            return output;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Decrypts and authenticates; throws <see cref="TenantEncryptionException"/> and returns nothing when it does not authenticate.</summary>
    public static byte[] Open(TenantDataKey dataKey, in EncryptedFieldEnvelope envelope, in EncryptedFieldContext context)
    {
        var header = envelope.Header.Span;
        var size = FieldAssociatedData.GetSize(header.Length, context);
        byte[]? rented = null;
        var buffer = size <= StackAssociatedDataLimit
            ? stackalloc byte[size]
            : rented = ArrayPool<byte>.Shared.Rent(size);
        var plaintext = new byte[envelope.Ciphertext.Length];
        try
        {
            var associatedData = buffer[..FieldAssociatedData.Write(buffer, header, context)];
            var aes = dataKey.RentCipher();
            try
            {
                aes.Decrypt(envelope.Nonce.Span, envelope.Ciphertext.Span, envelope.Tag.Span, plaintext, associatedData);
            }
            catch
            {
                // A failed open (often a tampered value someone may repeat) discards the instance rather than reuse it.
                aes.Dispose();
                throw;
            }

            dataKey.ReturnCipher(aes);
            return plaintext;
        }
        catch (CryptographicException ex)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw new TenantEncryptionException(
                "The encrypted value does not authenticate for this tenant, table, item and attribute (wrong context or tampered).", ex);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
