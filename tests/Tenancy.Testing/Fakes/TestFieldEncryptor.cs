using System.Security.Cryptography;
using System.Text;
using Tenancy.Isolation;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Testing.Fakes;

/// <summary>
/// AES-GCM with a per-tenant key and the <see cref="EncryptedFieldContext"/> as associated data: enough to exercise the
/// generated encrypted-attribute path (the KMS-backed encryptor is tested elsewhere).
/// </summary>
public sealed class TestFieldEncryptor(TenantId tenantId, byte[] key) : ITenantFieldEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public TenantId TenantId { get; } = tenantId;

    public ValueTask<byte[]> EncryptAsync(ReadOnlyMemory<byte> plaintext, EncryptedFieldContext context, CancellationToken cancellationToken)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext.Span, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedData(context));
        return ValueTask.FromResult(output);
    }

    public ValueTask<byte[]> DecryptAsync(ReadOnlyMemory<byte> ciphertext, EncryptedFieldContext context, CancellationToken cancellationToken)
    {
        if (ciphertext.Length < NonceSize + TagSize)
        {
            throw new TenantEncryptionException("Ciphertext too short.");
        }

        var input = ciphertext.Span;
        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(input[..NonceSize], input[(NonceSize + TagSize)..], input.Slice(NonceSize, TagSize), plaintext, AssociatedData(context));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new TenantEncryptionException("The value does not decrypt in this context.", ex);
        }

        return ValueTask.FromResult(plaintext);
    }

    private static byte[] AssociatedData(EncryptedFieldContext context) =>
        Encoding.UTF8.GetBytes(string.Join('\n', context.TenantId.Value, context.TableName, context.PartitionKey, context.SortKey, context.AttributeName));
}
