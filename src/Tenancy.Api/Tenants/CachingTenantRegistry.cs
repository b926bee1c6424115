using System.Collections.Concurrent;
using Tenancy.Isolation;

namespace Tenancy.Api.Tenants;

/// <summary>
/// Reuses registry answers (found or not) for a short time so the warm request path does not read the registry
/// table on every call. A suspension therefore takes effect within <c>duration</c>. Bounded: when it holds
/// <see cref="MaxEntries"/> tenants it starts over rather than grow.
/// </summary>
public sealed class CachingTenantRegistry : ITenantRegistry
{
    public const int MaxEntries = 10_000;

    private readonly ITenantRegistry _inner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<TenantId, Entry> _entries = new();

    public CachingTenantRegistry(ITenantRegistry inner, TimeSpan duration, TimeProvider time)
    {
        _inner = inner;
        _duration = duration;
        _time = time;
    }

    public async ValueTask<TenantRegistration?> FindAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(tenantId, out var entry) && now < entry.ExpiresAt)
        {
            return entry.Registration;
        }

        var registration = await _inner.FindAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[tenantId] = new Entry(registration, now + _duration);
        return registration;
    }

    private sealed record Entry(TenantRegistration? Registration, DateTimeOffset ExpiresAt);
}
