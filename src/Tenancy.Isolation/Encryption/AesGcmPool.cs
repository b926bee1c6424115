using System.Security.Cryptography;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// Reusable <see cref="AesGcm"/> instances for one data key. Building one costs an OpenSSL context and a key schedule
/// (most of a 64-byte field's encryption time), but an instance must not be used by two threads at once, so each
/// operation rents one exclusively and hands it back. The slots are lock-free; instances are created on demand, so
/// the pool holds at most as many as ran concurrently (capped). Disposing frees every pooled context (OpenSSL
/// cleanses the key schedule); an instance returned after that is disposed instead of pooled.
/// </summary>
internal sealed class AesGcmPool : IDisposable
{
    private static readonly int DefaultCapacity = Math.Clamp(Environment.ProcessorCount, 2, 16);

    private readonly AesGcm?[] _slots;
    private int _disposed;

    public AesGcmPool(int capacity = 0)
    {
        _slots = new AesGcm?[capacity > 0 ? capacity : DefaultCapacity];
    }

    /// <summary>Instances waiting in the pool; for tests.</summary>
    internal int PooledCount => _slots.Count(static slot => slot is not null);

    /// <summary>A pooled instance, or a new one under <paramref name="key"/>; the caller owns it until <see cref="Return"/>.</summary>
    public AesGcm Rent(ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (var i = 0; i < _slots.Length; i++)
        {
            var cipher = Interlocked.Exchange(ref _slots[i], null);
            if (cipher is not null)
            {
                return cipher;
            }
        }

        return new AesGcm(key, EncryptedFieldFormat.TagSize);
    }

    /// <summary>Gives <paramref name="cipher"/> back; it is disposed when the pool is full or disposed.</summary>
    public void Return(AesGcm cipher)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _slots[i], cipher, null) is not null)
                {
                    continue;
                }

                // Dispose may have drained the slots between the check above and the store: take it back if so
                // (whichever of the two exchanges wins disposes it, exactly once).
                if (Volatile.Read(ref _disposed) != 0 && Interlocked.CompareExchange(ref _slots[i], null, cipher) == cipher)
                {
                    cipher.Dispose();
                }

                return;
            }
        }

        cipher.Dispose();
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        for (var i = 0; i < _slots.Length; i++)
        {
            Interlocked.Exchange(ref _slots[i], null)?.Dispose();
        }
    }
}
