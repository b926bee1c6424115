using Tenancy.Isolation;
using Tenancy.Isolation.Repositories.Runtime;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>The tenant test for table partition keys, as generated code builds them, without a tenant scope.</summary>
internal static class PooledItemKeys
{
    public static bool BelongsTo(TenantId tenantId, string? partitionKey)
    {
        var prefix = TenantKeys.TenantPrefix + tenantId.Value;
        return partitionKey is not null
            && partitionKey.StartsWith(prefix, StringComparison.Ordinal)
            && (partitionKey.Length == prefix.Length || partitionKey[prefix.Length] == KeySegment.Delimiter);
    }
}
