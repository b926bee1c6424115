using System.ComponentModel;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Replaces an item's <c>[Encrypted]</c> attribute in place: plaintext (S or B) → ciphertext (B) before a write, and
/// back after a read. A one-byte tag inside the ciphertext remembers whether the plaintext was a string or bytes.
/// Fails closed: no encryptor, an encryptor of another tenant, or a stored plaintext value all throw
/// <see cref="TenantEncryptionException"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EncryptedAttributes
{
    private const byte StringTag = 1;
    private const byte BytesTag = 2;

    /// <summary>Replaces the item's encrypted attributes with ciphertext bound to the tenant, item key and attribute name.</summary>
    public static async ValueTask EncryptAsync(TenantScope scope, Dictionary<string, AttributeValue> item, string attributeName, string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var encryptor = EncryptorOf(scope);
        if (AttributeReader.Optional(item, attributeName) is not { } value)
        {
            return;
        }

        byte[] plaintext;
        if (value.S is { } text)
        {
            plaintext = new byte[Encoding.UTF8.GetByteCount(text) + 1];
            plaintext[0] = StringTag;
            Encoding.UTF8.GetBytes(text, 0, text.Length, plaintext, 1);
        }
        else if (value.B is { } stream)
        {
            var bytes = stream.ToArray();
            plaintext = new byte[bytes.Length + 1];
            plaintext[0] = BytesTag;
            bytes.CopyTo(plaintext, 1);
        }
        else
        {
            throw new TenantEncryptionException($"Attribute '{attributeName}' must be a string or bytes to be encrypted.");
        }

        var context = new EncryptedFieldContext(scope.TenantId, scope.Placement.TableName, partitionKey, sortKey, attributeName);
        var ciphertext = await encryptor.EncryptAsync(plaintext, context, cancellationToken).ConfigureAwait(false);
        item[attributeName] = AttributeWriter.FromBytes(ciphertext);
    }

    /// <summary>Replaces the item's encrypted attributes with their plaintext, checking the tenant, item key and attribute name.</summary>
    public static async ValueTask DecryptAsync(TenantScope scope, Dictionary<string, AttributeValue> item, string attributeName, string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var encryptor = EncryptorOf(scope);
        if (AttributeReader.Optional(item, attributeName) is not { } value)
        {
            return;
        }

        if (value.B is not { } stream)
        {
            throw new TenantEncryptionException($"Attribute '{attributeName}' is stored unencrypted; refusing to read it.");
        }

        var context = new EncryptedFieldContext(scope.TenantId, scope.Placement.TableName, partitionKey, sortKey, attributeName);
        var plaintext = await encryptor.DecryptAsync(stream.ToArray(), context, cancellationToken).ConfigureAwait(false);
        item[attributeName] = plaintext.Length > 0 && plaintext[0] == StringTag
            ? AttributeWriter.FromString(Encoding.UTF8.GetString(plaintext, 1, plaintext.Length - 1))
            : plaintext.Length > 0 && plaintext[0] == BytesTag
                ? AttributeWriter.FromBytes(plaintext.AsSpan(1).ToArray())
                : throw new TenantEncryptionException($"Attribute '{attributeName}' decrypted to an unknown value format.");
    }

    private static ITenantFieldEncryptor EncryptorOf(TenantScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var encryptor = scope.FieldEncryptor
            ?? throw new TenantEncryptionException($"Tenant '{scope.TenantId}' has no field encryptor; encrypted attributes cannot be read or written.");
        return encryptor.TenantId == scope.TenantId
            ? encryptor
            : throw new TenantEncryptionException("The scope's field encryptor belongs to another tenant.");
    }
}
