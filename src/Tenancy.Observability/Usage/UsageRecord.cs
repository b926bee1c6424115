using Tenancy.Isolation;

namespace Tenancy.Observability.Usage;

/// <summary>
/// What one tenant request consumed: the unit the metering aggregator adds into per-tenant, per-hour counters. The tenant
/// id is a plain property of the line, never a metric dimension, so tenants do not multiply custom metrics.
/// </summary>
public sealed record UsageRecord
{
    /// <summary>When the request finished (UTC); the hour it falls in is the counter it is added to.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The resolved tenant (from the verified token and the registry, never from input).</summary>
    public required string TenantId { get; init; }

    /// <summary>The tenant's tier when the request ran.</summary>
    public required string Tier { get; init; }

    /// <summary>The service that served the request (<c>POWERTOOLS_SERVICE_NAME</c>), if known.</summary>
    public string? Service { get; init; }

    /// <summary>The route template with its method, e.g. <c>GET /orders/{id}</c>: bounded, unlike raw paths.</summary>
    public required string Operation { get; init; }

    /// <summary>The response status.</summary>
    public int Status { get; init; }

    /// <summary>Requests represented (1 for a request's own record; larger after aggregation).</summary>
    public long Requests { get; init; } = 1;

    /// <summary>Items returned by the tenant's data reads.</summary>
    public long ItemsRead { get; init; }

    /// <summary>Items put, updated or deleted.</summary>
    public long ItemsWritten { get; init; }

    /// <summary>Request body bytes.</summary>
    public long BytesIn { get; init; }

    /// <summary>Response body bytes.</summary>
    public long BytesOut { get; init; }

    /// <summary>Wall time of the request in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>Compute charged for the request: its wall time rounded up to whole milliseconds, as Lambda bills.</summary>
    public long ComputeMs { get; init; }

    /// <summary>The name a usage record (and the metrics' tier dimension) gives <paramref name="tier"/>.</summary>
    public static string TierName(TenantTier tier) => TenantTierNames.ToName(tier);
}
