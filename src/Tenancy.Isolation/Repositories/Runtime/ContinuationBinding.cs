using System.ComponentModel;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>What a continuation token is bound to: the tenant, the table and index, the queried partition and entity.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContinuationBinding
{
    public ContinuationBinding(TenantScope scope, string? indexName, string partitionKeyAttribute, string partitionKey, string tablePartitionKeyAttribute, string entityPrefix)
    {
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
        IndexName = indexName ?? string.Empty;
        PartitionKeyAttribute = partitionKeyAttribute;
        PartitionKey = partitionKey;
        TablePartitionKeyAttribute = tablePartitionKeyAttribute;
        EntityPrefix = entityPrefix;
    }

    public TenantScope Scope { get; }

    public string IndexName { get; }

    /// <summary>The key attribute the query's partition condition is on (the table's or the index's).</summary>
    public string PartitionKeyAttribute { get; }

    public string PartitionKey { get; }

    public string TablePartitionKeyAttribute { get; }

    public string EntityPrefix { get; }
}
