using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// The tenant shard index: every item a generated repository writes carries <see cref="AttributeName"/> =
/// <c>TENANT#&lt;id&gt;#&lt;n&gt;</c>, so the keys-only index <see cref="IndexName"/> lists one tenant's items with
/// <see cref="Count"/> Queries (offboarding deletes them without a table scan). The shard comes from a stable hash of
/// the item's table key, so rewriting an item never moves it and a large tenant's writes spread over
/// <see cref="Count"/> index partitions instead of meeting in one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TenantShards
{
    /// <summary>The item attribute holding the shard key (the partition key of <see cref="IndexName"/>).</summary>
    public const string AttributeName = "TenantShard";

    /// <summary>The keys-only global secondary index of the tenant data table on <see cref="AttributeName"/>.</summary>
    public const string IndexName = "TenantItems";

    /// <summary>
    /// Shards per tenant. Changing it re-homes items only as they are rewritten, so readers must keep querying the old
    /// range too: treat it as fixed for the table's lifetime.
    /// </summary>
    public const int Count = 16;

    /// <summary>The shard key of an item of the scope's tenant.</summary>
    /// <param name="scope">The scope the item is written in; the tenant comes only from here.</param>
    /// <param name="partitionKey">The item's rendered table partition key (already under the scope's tenant).</param>
    /// <param name="sortKey">The item's rendered table sort key.</param>
    public static string Of(TenantScope scope, string partitionKey, string sortKey)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Key(scope.TenantId, ShardOf(partitionKey, sortKey));
    }

    /// <summary>The shard key <c>TENANT#&lt;id&gt;#&lt;shard&gt;</c> of one of a tenant's shards.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="shard">0 to <see cref="Count"/> − 1.</param>
    public static string Key(TenantId tenantId, int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Count);
        return string.Concat(TenantKeys.TenantPrefix, tenantId.Value, "#", shard.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The shard of a table key: 32-bit FNV-1a over the UTF-8 of partition key, a zero byte and sort key, modulo
    /// <see cref="Count"/>. Stable across processes and versions, unlike <see cref="string.GetHashCode()"/>.
    /// </summary>
    public static int ShardOf(string partitionKey, string sortKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(sortKey);
        var hash = 2166136261u;
        hash = Mix(hash, partitionKey);
        hash = (hash ^ 0u) * 16777619u;
        hash = Mix(hash, sortKey);
        return (int)(hash % Count);
    }

    private static uint Mix(uint hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        ReadOnlySpan<byte> bytes = Encoding.UTF8.GetMaxByteCount(text.Length) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(text, buffer)]
            : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
