namespace Tenancy.Isolation.Caching;

/// <summary>
/// A thread-safe map with a fixed capacity that drops its least recently used entry when full. Dropped and replaced
/// values are handed to the eviction callback (outside the lock) so owners can dispose clients or zero key bytes.
/// </summary>
internal sealed class BoundedLruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _map;
    private readonly LinkedList<Entry> _recency = new();
    private readonly Action<TValue>? _onEvicted;
    private long _evictions;

    public BoundedLruCache(int capacity, Action<TValue>? onEvicted = null, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _onEvicted = onEvicted;
        _map = new Dictionary<TKey, LinkedListNode<Entry>>(comparer);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Entries dropped because the cache was full.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                Touch(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Looks up by an alternate form of the key (e.g. a span of a byte-array key) without creating a key; the
    /// cache's comparer must implement <see cref="IAlternateEqualityComparer{TAlternate, TKey}"/> for it.
    /// </summary>
    public bool TryGet<TAlternateKey>(TAlternateKey key, out TValue value)
        where TAlternateKey : notnull, allows ref struct
    {
        lock (_gate)
        {
            if (_map.GetAlternateLookup<TAlternateKey>().TryGetValue(key, out var node))
            {
                Touch(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Returns the cached value or adds the one <paramref name="create"/> makes (called under the lock: keep it cheap).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        TValue value;
        TValue? evicted;
        bool hasEvicted;
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                Touch(node);
                return node.Value.Value;
            }

            value = create(key);
            hasEvicted = AddUnderLock(key, value, out evicted);
        }

        if (hasEvicted)
        {
            _onEvicted?.Invoke(evicted!);
        }

        return value;
    }

    /// <summary>Adds or replaces; a replaced value is handed to the eviction callback.</summary>
    public void Set(TKey key, TValue value)
    {
        TValue? replaced = default;
        var hasReplaced = false;
        TValue? evicted = default;
        var hasEvicted = false;
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                replaced = node.Value.Value;
                hasReplaced = true;
                node.Value = new Entry(key, value);
                Touch(node);
            }
            else
            {
                hasEvicted = AddUnderLock(key, value, out evicted);
            }
        }

        if (hasReplaced)
        {
            _onEvicted?.Invoke(replaced!);
        }

        if (hasEvicted)
        {
            _onEvicted?.Invoke(evicted!);
        }
    }

    /// <summary>Removes <paramref name="key"/> only while it still maps to <paramref name="expected"/>; the value goes to the callback.</summary>
    public bool Remove(TKey key, TValue expected)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node) || !EqualityComparer<TValue>.Default.Equals(node.Value.Value, expected))
            {
                return false;
            }

            _map.Remove(key);
            _recency.Remove(node);
        }

        _onEvicted?.Invoke(expected);
        return true;
    }

    /// <summary>Removes every entry, handing each value to the eviction callback.</summary>
    public void Clear()
    {
        List<TValue> values;
        lock (_gate)
        {
            values = new List<TValue>(_map.Count);
            foreach (var entry in _recency)
            {
                values.Add(entry.Value);
            }

            _map.Clear();
            _recency.Clear();
        }

        if (_onEvicted is not null)
        {
            foreach (var value in values)
            {
                _onEvicted(value);
            }
        }
    }

    private bool AddUnderLock(TKey key, TValue value, out TValue? evicted)
    {
        evicted = default;
        var hasEvicted = false;
        if (_map.Count >= Capacity)
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _map.Remove(oldest.Value.Key);
            evicted = oldest.Value.Value;
            hasEvicted = true;
            Interlocked.Increment(ref _evictions);
        }

        _map[key] = _recency.AddFirst(new Entry(key, value));
        return hasEvicted;
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        if (node != _recency.First)
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
        }
    }

    private readonly record struct Entry(TKey Key, TValue Value);
}
