using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tenancy.Local.Emulator.Services.Kms;

/// <summary>
/// The local ciphertext blob: like AWS's it names the key inside it, so Decrypt needs no KeyId. Layout:
/// version (1) | key id (36, ASCII UUID) | nonce (12) | tag (16) | AES-256-GCM ciphertext. The associated data
/// binds the key id and the canonical encryption context, so a different context fails authentication.
/// </summary>
public static class KmsCiphertext
{
    private const byte Version = 1;
    private const int KeyIdLength = 36;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + KeyIdLength + NonceLength + TagLength;

    public static byte[] Encrypt(KmsKey key, ReadOnlySpan<byte> plaintext, IReadOnlyDictionary<string, string> encryptionContext)
    {
        var blob = new byte[HeaderLength + plaintext.Length];
        blob[0] = Version;
        Encoding.ASCII.GetBytes(key.KeyId, blob.AsSpan(1, KeyIdLength));
        var nonce = blob.AsSpan(1 + KeyIdLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key.MasterSecret, TagLength);
        gcm.Encrypt(nonce, plaintext, blob.AsSpan(HeaderLength), blob.AsSpan(1 + KeyIdLength + NonceLength, TagLength), AssociatedData(key.KeyId, encryptionContext));
        return blob;
    }

    /// <summary>The key id inside a blob, or null when the blob is not one of ours.</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> blob) =>
        blob.Length < HeaderLength || blob[0] != Version ? null : Encoding.ASCII.GetString(blob.Slice(1, KeyIdLength));

    /// <returns>The plaintext, or null when the blob was tampered with or the context differs.</returns>
    public static byte[]? Decrypt(KmsKey key, ReadOnlySpan<byte> blob, IReadOnlyDictionary<string, string> encryptionContext)
    {
        if (KeyIdOf(blob) != key.KeyId)
        {
            return null;
        }

        var plaintext = new byte[blob.Length - HeaderLength];
        using var gcm = new AesGcm(key.MasterSecret, TagLength);
        try
        {
            gcm.Decrypt(
                blob.Slice(1 + KeyIdLength, NonceLength),
                blob[HeaderLength..],
                blob.Slice(1 + KeyIdLength + NonceLength, TagLength),
                plaintext,
                AssociatedData(key.KeyId, encryptionContext));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    // Length-prefixed, ordinally sorted pairs: the same context in any order gives the same bytes, and no two
    // different contexts can collide by moving a separator.
    private static byte[] AssociatedData(string keyId, IReadOnlyDictionary<string, string> encryptionContext)
    {
        using var stream = new MemoryStream();
        Write(stream, keyId);
        foreach (var (name, value) in encryptionContext.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Write(stream, name);
            Write(stream, value);
        }

        return stream.ToArray();
    }

    private static void Write(MemoryStream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
