namespace Tenancy.Isolation.Encryption;

/// <summary>
/// Envelope-encrypts single attribute values under one tenant's KMS key. The <see cref="EncryptedFieldContext"/> is
/// bound into the ciphertext as associated data, so a value moved to another tenant, table, item or attribute no
/// longer decrypts. Failures throw <see cref="TenantEncryptionException"/>; nothing is ever returned as plaintext
/// that did not authenticate.
/// </summary>
public interface ITenantFieldEncryptor
{
    /// <summary>The tenant whose key encrypts and decrypts.</summary>
    TenantId TenantId { get; }

    /// <summary>Encrypts one attribute value, bound to <paramref name="context"/> so it can't be moved to another item or attribute.</summary>
    ValueTask<byte[]> EncryptAsync(ReadOnlyMemory<byte> plaintext, EncryptedFieldContext context, CancellationToken cancellationToken);

    /// <summary>Decrypts one attribute value; fails when <paramref name="context"/> differs from the one it was encrypted with.</summary>
    ValueTask<byte[]> DecryptAsync(ReadOnlyMemory<byte> ciphertext, EncryptedFieldContext context, CancellationToken cancellationToken);
}
