namespace Tenancy.Observability.Logging;

/// <summary>
/// Keys added to every log line until removed — Powertools' <c>Logger.AppendKey</c>/<c>RemoveKeys</c>. Thread-safe;
/// readers take an immutable snapshot, so writing a line never blocks on someone appending a key.
/// </summary>
public sealed class AppendedLogKeys
{
    private readonly Lock _gate = new();
    private KeyValuePair<string, object?>[] _snapshot = [];

    /// <summary>Adds <paramref name="key"/> or replaces its value.</summary>
    public void Append(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        lock (_gate)
        {
            var next = new List<KeyValuePair<string, object?>>(_snapshot.Length + 1);
            next.AddRange(_snapshot.Where(pair => !string.Equals(pair.Key, key, StringComparison.Ordinal)));
            next.Add(new KeyValuePair<string, object?>(key, value));
            Volatile.Write(ref _snapshot, next.ToArray());
        }
    }

    /// <summary>Adds or replaces several keys.</summary>
    public void Append(IEnumerable<KeyValuePair<string, object?>> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var pair in keys)
        {
            Append(pair.Key, pair.Value);
        }
    }

    /// <summary>Removes the given keys; unknown keys are ignored.</summary>
    public void Remove(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            Volatile.Write(ref _snapshot, _snapshot.Where(pair => Array.IndexOf(keys, pair.Key) < 0).ToArray());
        }
    }

    /// <summary>Removes every appended key.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Volatile.Write(ref _snapshot, []);
        }
    }

    /// <summary>The current keys, in the order they were first appended.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Snapshot => Volatile.Read(ref _snapshot);
}
