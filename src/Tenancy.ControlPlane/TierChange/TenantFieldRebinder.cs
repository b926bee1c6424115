using Tenancy.Isolation;
using Tenancy.Isolation.Encryption;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// Encrypted attributes are bound to their table (the table name is part of their associated data), so a value
/// copied as-is would not decrypt in the target. A binary attribute that opens with the source context is sealed
/// again for the target context under the same tenant key; one that does not open is plain bytes and copied as-is.
/// </summary>
internal sealed class TenantFieldRebinder
{
    private readonly ITenantFieldEncryptor? _encryptor;

    public TenantFieldRebinder(ITenantFieldEncryptor? encryptor) => _encryptor = encryptor;

    /// <summary>The plaintext of <paramref name="value"/> in the given context, or null when it is not a value encrypted there.</summary>
    public async ValueTask<byte[]?> TryOpenAsync(TenantId tenantId, string tableName, string partitionKey, string sortKey, string attributeName, byte[] value, CancellationToken cancellationToken)
    {
        if (_encryptor is null)
        {
            return null;
        }

        try
        {
            return await _encryptor.DecryptAsync(value, new EncryptedFieldContext(tenantId, tableName, partitionKey, sortKey, attributeName), cancellationToken).ConfigureAwait(false);
        }
        catch (TenantEncryptionException e) when (!IsDependencyFailure(e.InnerException))
        {
            return null;
        }
    }

    // A key service that cannot answer says nothing about the value: treating it as plain bytes would copy ciphertext
    // bound to the source table and digest it equal on both sides, so it fails the step instead.
    private static bool IsDependencyFailure(Exception? cause) =>
        cause is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or TimeoutException or OperationCanceledException;

    /// <summary>Seals <paramref name="plaintext"/> for the given context.</summary>
    public ValueTask<byte[]> SealAsync(TenantId tenantId, string tableName, string partitionKey, string sortKey, string attributeName, byte[] plaintext, CancellationToken cancellationToken) =>
        _encryptor is null
            ? throw new InvalidOperationException("No tenant encryptor to seal with.")
            : _encryptor.EncryptAsync(plaintext, new EncryptedFieldContext(tenantId, tableName, partitionKey, sortKey, attributeName), cancellationToken);
}
