using System.Collections.Concurrent;

namespace Tenancy.Local.Emulator.Services.Events;

/// <summary>Every event the local EventBridge accepted, in arrival order, for tests and the run program to read.</summary>
public sealed class LocalEventBus
{
    private readonly ConcurrentQueue<RecordedEvent> _events = new();

    public IReadOnlyList<RecordedEvent> Events => _events.ToArray();

    /// <summary>The events of one <c>detail-type</c> (e.g. <c>TenantOnboarded</c>).</summary>
    public IReadOnlyList<RecordedEvent> OfType(string detailType) => _events.Where(e => e.DetailType == detailType).ToArray();

    internal void Record(RecordedEvent recorded) => _events.Enqueue(recorded);
}
