namespace Tenancy.Isolation.Encryption;

/// <summary>
/// Encrypting or decrypting tenant data failed: wrong tenant or context, tampered ciphertext, unknown format version,
/// or a disabled/deleted/unreachable tenant key. Callers must treat the item as unreadable, never as empty.
/// </summary>
public sealed class TenantEncryptionException : Exception
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    public TenantEncryptionException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the KMS or cryptographic error that caused it.</summary>
    public TenantEncryptionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
