using System.ComponentModel;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>What a continuation token is bound to: the tenant, the table and index, the queried partition and entity.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContinuationBinding
{
    /// <summary>Binds tokens to the scope, index and partition of one query.</summary>
    public ContinuationBinding(TenantScope scope, string? indexName, string partitionKeyAttribute, string partitionKey, string tablePartitionKeyAttribute, string entityPrefix)
    {
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
        IndexName = indexName ?? string.Empty;
        PartitionKeyAttribute = partitionKeyAttribute;
        PartitionKey = partitionKey;
        TablePartitionKeyAttribute = tablePartitionKeyAttribute;
        EntityPrefix = entityPrefix;
    }

    /// <summary>The tenant whose query the token continues.</summary>
    public TenantScope Scope { get; }

    /// <summary>The index queried, or the empty string for the table.</summary>
    public string IndexName { get; }

    /// <summary>The key attribute the query's partition condition is on (the table's or the index's).</summary>
    public string PartitionKeyAttribute { get; }

    /// <summary>The partition key value the query reads.</summary>
    public string PartitionKey { get; }

    /// <summary>The table's partition key attribute, which every resume key must carry.</summary>
    public string TablePartitionKeyAttribute { get; }

    /// <summary>The sort key prefix of the entity, which the resume key must start with.</summary>
    public string EntityPrefix { get; }
}
