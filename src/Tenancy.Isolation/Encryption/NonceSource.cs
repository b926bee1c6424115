using System.Security.Cryptography;

namespace Tenancy.Isolation.Encryption;

/// <summary>
/// Random GCM nonces from a per-thread buffer of CSPRNG output, refilled once every few hundred nonces: asking the
/// system generator for 12 bytes per value cost more than the AES-GCM work itself. Nonces are public (they are
/// stored next to the ciphertext), so buffering them is not a secret held in memory; each byte is handed out once.
/// </summary>
internal static class NonceSource
{
    private const int BufferSize = 4096 - (4096 % EncryptedFieldFormat.NonceSize);

    [ThreadStatic]
    private static byte[]? _buffer;

    [ThreadStatic]
    private static int _used;

    /// <summary>Fills <paramref name="nonce"/> with fresh random bytes (never handed out before).</summary>
    public static void Fill(Span<byte> nonce)
    {
        var buffer = _buffer;
        if (buffer is null || _used + nonce.Length > buffer.Length)
        {
            buffer = _buffer ??= new byte[BufferSize];
            RandomNumberGenerator.Fill(buffer);
            _used = 0;
        }

        buffer.AsSpan(_used, nonce.Length).CopyTo(nonce);
        _used += nonce.Length;
    }
}
