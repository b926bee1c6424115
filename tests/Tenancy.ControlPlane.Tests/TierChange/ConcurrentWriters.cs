using System.Collections.Concurrent;
using Tenancy.Isolation;
using Tenancy.Testing.Samples;

namespace Tenancy.ControlPlane.Tests.TierChange;

/// <summary>
/// Writers that behave like API instances: each has its own cached registry view, refuses a write while the tenant
/// is frozen (the API's 503 <c>tenant-moving</c>) and otherwise creates an order, encrypted note included, through the
/// generated repository in the placement its lookup returned. Only writes that returned are acknowledged.
/// </summary>
public sealed class ConcurrentWriters
{
    private readonly TierChangeStore _store;
    private readonly TenantId _tenantId;
    private readonly ConcurrentBag<string> _acknowledged = [];
    private readonly ConcurrentBag<string> _refused = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers = [];
    private int _sequence;

    public ConcurrentWriters(TierChangeStore store, TenantId tenantId)
    {
        _store = store;
        _tenantId = tenantId;
    }

    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    public IReadOnlyCollection<string> Refused => _refused;

    public void Start(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var writer = i;
            _writers.Add(Task.Run(() => WriteUntilStoppedAsync(writer)));
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    private async Task WriteUntilStoppedAsync(int writer)
    {
        var registry = _store.NewCachedRegistry();
        var scopes = _store.NewScopes(registry);
        var orders = new OrderRepository();
        while (!_stop.IsCancellationRequested)
        {
            var id = $"w{writer}-{Interlocked.Increment(ref _sequence)}";
            var registration = await registry.FindAsync(_tenantId, CancellationToken.None) ?? throw new InvalidOperationException("The tenant vanished.");
            if (registration.IsWriteFrozen)
            {
                _refused.Add(id);
                await Task.Delay(20);
                continue;
            }

            var scope = await scopes.CreateAsync(_tenantId, new TenantRequestor($"writer-{writer}"));
            if (scope.Placement != registration.Placement)
            {
                continue; // The cached lookup changed between the check and the scope: check again, as a new request would.
            }

            await orders.CreateAsync(scope, new Order { CustomerId = $"c{writer}", Id = id, Status = OrderStatus.Pending, CreatedAt = DateTimeOffset.UtcNow, Note = $"note of {id}" });
            _acknowledged.Add(id);
        }
    }
}
