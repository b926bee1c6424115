using System.Security.Cryptography;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// One plaintext AES-256 data key and its KMS-encrypted form. Users lease it for the duration of one operation;
/// once retired (expired, used up or evicted) its key bytes are zeroed as soon as the last lease is released, so a
/// key is never zeroed under a running encryption. The <see cref="AesGcm"/> instances built from the key are pooled
/// with it (see <see cref="AesGcmPool"/>) and disposed when the key bytes are zeroed.
/// </summary>
internal sealed class TenantDataKey
{
    public const int KeySize = 32;

    private readonly Lock _gate = new();
    private readonly byte[] _plaintextKey;
    private readonly AesGcmPool _ciphers = new();
    private volatile bool _destroyed;
    private long _uses;
    private int _leases;
    private bool _retired;

    public TenantDataKey(byte[] plaintextKey, byte[] encryptedKey, DateTimeOffset createdAt)
    {
        if (plaintextKey.Length != KeySize)
        {
            CryptographicOperations.ZeroMemory(plaintextKey);
            throw new TenantEncryptionException($"KMS returned a {plaintextKey.Length}-byte data key; AES-256 needs {KeySize}.");
        }

        _plaintextKey = plaintextKey;
        EncryptedKey = encryptedKey;
        CreatedAt = createdAt;
    }

    public byte[] EncryptedKey { get; }

    public DateTimeOffset CreatedAt { get; }

    public long Uses => Interlocked.Read(ref _uses);

    public bool IsRetired
    {
        get
        {
            lock (_gate)
            {
                return _retired;
            }
        }
    }

    /// <summary>Leases the key for one operation; false once it is retired.</summary>
    public bool TryLease()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _leases++;
            return true;
        }
    }

    /// <summary>The key bytes; valid only while leased.</summary>
    public ReadOnlySpan<byte> Key => _plaintextKey;

    /// <summary>
    /// An AES-GCM instance under this key for one operation, used by one thread only and handed back with
    /// <see cref="ReturnCipher"/> (or disposed by the caller when the operation failed); valid only while leased.
    /// </summary>
    public AesGcm RentCipher()
    {
        if (_destroyed)
        {
            throw new TenantEncryptionException("The data key was retired and zeroed; lease a current one.");
        }

        return _ciphers.Rent(_plaintextKey);
    }

    /// <summary>Hands back an instance from <see cref="RentCipher"/> for the next operation.</summary>
    public void ReturnCipher(AesGcm cipher) => _ciphers.Return(cipher);

    /// <summary>Counts one encryption and returns the new total.</summary>
    public long CountUse() => Interlocked.Increment(ref _uses);

    public void Release()
    {
        lock (_gate)
        {
            _leases--;
            if (_retired && _leases == 0)
            {
                Destroy();
            }
        }
    }

    /// <summary>Stops new leases and zeroes the key bytes once no operation holds it.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return;
            }

            _retired = true;
            if (_leases == 0)
            {
                Destroy();
            }
        }
    }

    /// <summary>Instances waiting in the cipher pool; for tests of reuse and disposal.</summary>
    internal int PooledCiphers => _ciphers.PooledCount;

    /// <summary>True when every key byte is zero (after retirement); for tests of the zeroization.</summary>
    internal bool IsZeroed()
    {
        lock (_gate)
        {
            return _plaintextKey.AsSpan().IndexOfAnyExcept((byte)0) < 0;
        }
    }

    // Called under the gate once no lease is left, so no operation holds a pooled cipher any more.
    private void Destroy()
    {
        _destroyed = true;
        _ciphers.Dispose();
        CryptographicOperations.ZeroMemory(_plaintextKey);
    }
}
