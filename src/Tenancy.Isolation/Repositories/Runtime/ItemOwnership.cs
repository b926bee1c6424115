using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Defence in depth on every item read: the item's partition key must lie in the scope's tenant. The key conditions
/// already guarantee it; this check makes a future bug in them fail closed instead of returning another tenant's data.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ItemOwnership
{
    /// <summary>Throws unless the item's partition key belongs to the scope's tenant: a read never returns another tenant's item.</summary>
    public static void Ensure(TenantScope scope, Dictionary<string, AttributeValue> item, string partitionKeyAttribute)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.TryGetValue(partitionKeyAttribute, out var partitionKey);
        if (!TenantKeys.BelongsTo(scope, partitionKey?.S))
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.CredentialMismatch, "A read returned an item outside the scope's tenant; it was discarded.");
        }
    }
}
