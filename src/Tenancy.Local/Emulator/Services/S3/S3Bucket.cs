namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>
/// One bucket's objects, kept in key order as S3 lists them (ordinal order, which equals S3's UTF-8 binary order
/// except for characters above U+FFFF against U+E000–U+FFFF).
/// </summary>
public sealed class S3Bucket
{
    private readonly SortedDictionary<string, S3StoredObject> _objects = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public S3Bucket(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public void Put(S3StoredObject stored)
    {
        lock (_lock)
        {
            _objects[stored.Key] = stored;
        }
    }

    public S3StoredObject? Get(string key)
    {
        lock (_lock)
        {
            return _objects.GetValueOrDefault(key);
        }
    }

    public bool Delete(string key)
    {
        lock (_lock)
        {
            return _objects.Remove(key);
        }
    }

    /// <summary>The objects whose key starts with <paramref name="prefix"/> and sorts after <paramref name="after"/>, in key order (a snapshot).</summary>
    public IReadOnlyList<S3StoredObject> After(string prefix, string? after)
    {
        lock (_lock)
        {
            return _objects.Values
                .Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && (after is null || string.CompareOrdinal(o.Key, after) > 0))
                .ToList();
        }
    }
}
