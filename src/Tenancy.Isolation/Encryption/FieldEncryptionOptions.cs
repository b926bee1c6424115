namespace Tenancy.Isolation.Encryption;

/// <summary>Data-key caching policy of <see cref="KmsTenantFieldEncryptorFactory"/>. The defaults suit the application plane.</summary>
public sealed class FieldEncryptionOptions
{
    /// <summary>
    /// A data key is used for encryption, and an unwrapped key is reused for decryption, for at most this long.
    /// It is also how long a disabled tenant key can keep working for values whose data key is already cached.
    /// </summary>
    public TimeSpan DataKeyMaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A data key encrypts at most this many values before a new one is generated.</summary>
    public long DataKeyMaxUses { get; init; } = 10_000;

    /// <summary>Unwrapped data keys remembered per tenant for decryption (least recently used dropped first).</summary>
    public int MaxDecryptionKeysPerTenant { get; init; } = 256;

    /// <summary>Tenants whose keys are cached; the least recently used tenant's keys are dropped (and zeroed) first.</summary>
    public int MaxTenants { get; init; } = 1024;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(DataKeyMaxAge.Ticks, nameof(DataKeyMaxAge));
        ArgumentOutOfRangeException.ThrowIfLessThan(DataKeyMaxUses, 1, nameof(DataKeyMaxUses));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDecryptionKeysPerTenant, 1, nameof(MaxDecryptionKeysPerTenant));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTenants, 1, nameof(MaxTenants));
    }
}
