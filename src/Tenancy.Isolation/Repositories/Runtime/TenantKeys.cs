using System.ComponentModel;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Builds and checks the tenant segment of partition keys: <c>TENANT#&lt;id&gt;</c> or
/// <c>TENANT#&lt;id&gt;#&lt;rest&gt;</c>. The id comes only from the <see cref="TenantScope"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TenantKeys
{
    /// <summary>The prefix of every tenant partition key.</summary>
    public const string TenantPrefix = "TENANT#";

    /// <summary>The partition key of the scope's tenant.</summary>
    public static string Partition(TenantScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return TenantPrefix + scope.TenantId.Value;
    }

    /// <summary><paramref name="rest"/> is a rendered key template whose placeholders went through <see cref="KeySegment"/>.</summary>
    public static string Partition(TenantScope scope, string rest)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(rest);
        return string.Concat(TenantPrefix, scope.TenantId.Value, "#", rest);
    }

    /// <summary>True when <paramref name="partitionKey"/> is in the scope's tenant (exactly its segment, or below it).</summary>
    public static bool BelongsTo(TenantScope scope, string? partitionKey)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (partitionKey is null)
        {
            return false;
        }

        var tenantPartition = Partition(scope);
        return partitionKey.StartsWith(tenantPartition, StringComparison.Ordinal)
            && (partitionKey.Length == tenantPartition.Length || partitionKey[tenantPartition.Length] == KeySegment.Delimiter);
    }
}
