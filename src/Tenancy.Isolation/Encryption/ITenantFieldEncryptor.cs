namespace Tenancy.Isolation.Encryption;

/// <summary>
/// Envelope-encrypts single attribute values under one tenant's KMS key. The <see cref="EncryptedFieldContext"/> is
/// bound into the ciphertext as associated data, so a value moved to another tenant, table, item or attribute no
/// longer decrypts. Failures throw <see cref="TenantEncryptionException"/>; nothing is ever returned as plaintext
/// that did not authenticate.
/// </summary>
public interface ITenantFieldEncryptor
{
    TenantId TenantId { get; }

    ValueTask<byte[]> EncryptAsync(ReadOnlyMemory<byte> plaintext, EncryptedFieldContext context, CancellationToken cancellationToken);

    ValueTask<byte[]> DecryptAsync(ReadOnlyMemory<byte> ciphertext, EncryptedFieldContext context, CancellationToken cancellationToken);
}
