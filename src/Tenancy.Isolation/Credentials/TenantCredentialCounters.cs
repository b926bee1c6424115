using System.Collections.Concurrent;

namespace Tenancy.Isolation.Credentials;

/// <summary>What the credential cache did, for tests and metrics: the warm path should be all hits and no STS calls.</summary>
public sealed class TenantCredentialCounters
{
    private readonly ConcurrentDictionary<TenantId, long> _vends = new();
    private long _hits;
    private long _failedVends;
    private long _staleServed;
    private long _evictions;

    /// <summary>STS calls (AssumeRole / AssumeRoleWithWebIdentity) made for <paramref name="tenantId"/>.</summary>
    public long StsCalls(TenantId tenantId) => _vends.GetValueOrDefault(tenantId);

    /// <summary>STS calls across all tenants.</summary>
    public long TotalStsCalls => _vends.Values.Sum();

    /// <summary>Requests served from a cached, fresh session.</summary>
    public long CacheHits => Interlocked.Read(ref _hits);

    /// <summary>STS calls that failed.</summary>
    public long FailedVends => Interlocked.Read(ref _failedVends);

    /// <summary>Requests served from a still-valid session because its renewal failed.</summary>
    public long StaleServed => Interlocked.Read(ref _staleServed);

    /// <summary>Sessions dropped (and their clients disposed) because the cache was full.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    internal void CountVend(TenantId tenantId) => _vends.AddOrUpdate(tenantId, 1, static (_, n) => n + 1);

    internal void CountHit() => Interlocked.Increment(ref _hits);

    internal void CountFailedVend() => Interlocked.Increment(ref _failedVends);

    internal void CountStaleServed() => Interlocked.Increment(ref _staleServed);

    internal void CountEviction() => Interlocked.Increment(ref _evictions);
}
