namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>
/// Pooled items and tenant objects keyed by tenant, deleted a page at a time with a cursor as the deletion functions
/// do (a null cursor means done), so the workflow's resumable loops really iterate.
/// </summary>
public sealed class SimulatedTenantData
{
    public const int PageSize = 100;

    private readonly Dictionary<string, SortedSet<string>> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _objects = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void AddItems(string tenantId, int count) => Add(_items, tenantId, count, "item");

    public void AddObjects(string tenantId, int count) => Add(_objects, tenantId, count, "tenants/" + tenantId + "/object");

    public int ItemCount(string tenantId) => Count(_items, tenantId);

    public int ObjectCount(string tenantId) => Count(_objects, tenantId);

    public int DeletionCalls { get; private set; }

    public (int Deleted, string? Cursor) DeleteItemsPage(string tenantId) => DeletePage(_items, tenantId);

    public (int Deleted, string? Cursor) DeleteObjectsPage(string tenantId) => DeletePage(_objects, tenantId);

    private void Add(Dictionary<string, SortedSet<string>> store, string tenantId, int count, string prefix)
    {
        lock (_gate)
        {
            if (!store.TryGetValue(tenantId, out var set))
            {
                store[tenantId] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            for (var i = 0; i < count; i++)
            {
                set.Add($"{prefix}-{i:D6}");
            }
        }
    }

    private int Count(Dictionary<string, SortedSet<string>> store, string tenantId)
    {
        lock (_gate)
        {
            return store.GetValueOrDefault(tenantId)?.Count ?? 0;
        }
    }

    private (int Deleted, string? Cursor) DeletePage(Dictionary<string, SortedSet<string>> store, string tenantId)
    {
        lock (_gate)
        {
            DeletionCalls++;
            if (!store.TryGetValue(tenantId, out var set))
            {
                return (0, null);
            }

            var page = set.Take(PageSize).ToList();
            foreach (var key in page)
            {
                set.Remove(key);
            }

            return (page.Count, set.Count == 0 ? null : set.Min);
        }
    }
}
