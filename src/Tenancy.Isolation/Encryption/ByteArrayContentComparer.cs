namespace Tenancy.Isolation.Encryption;

/// <summary>Compares byte arrays by content, so encrypted data keys can be dictionary keys.</summary>
internal sealed class ByteArrayContentComparer : IEqualityComparer<byte[]>
{
    public static readonly ByteArrayContentComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(byte[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
