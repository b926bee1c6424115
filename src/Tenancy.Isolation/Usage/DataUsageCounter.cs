namespace Tenancy.Isolation.Usage;

/// <summary>
/// Items read and written by one unit of work. Thread-safe: a request may run data calls in parallel. Disposing it
/// ends the count and restores the counter that was current before.
/// </summary>
public sealed class DataUsageCounter : IDisposable
{
    private readonly DataUsageCounter? _previous;
    private readonly Action<DataUsageCounter?> _restore;
    private long _itemsRead;
    private long _itemsWritten;
    private bool _disposed;

    internal DataUsageCounter(DataUsageCounter? previous, Action<DataUsageCounter?> restore)
    {
        _previous = previous;
        _restore = restore;
    }

    /// <summary>Items returned by reads (an absent item counts zero).</summary>
    public long ItemsRead => Interlocked.Read(ref _itemsRead);

    /// <summary>Items put, updated or deleted.</summary>
    public long ItemsWritten => Interlocked.Read(ref _itemsWritten);

    /// <summary>Adds <paramref name="items"/> read items.</summary>
    public void AddRead(long items) => Interlocked.Add(ref _itemsRead, items);

    /// <summary>Adds <paramref name="items"/> written items.</summary>
    public void AddWritten(long items) => Interlocked.Add(ref _itemsWritten, items);

    /// <summary>Ends the count; the previous counter (if any) becomes current again.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _restore(_previous);
        }
    }
}
