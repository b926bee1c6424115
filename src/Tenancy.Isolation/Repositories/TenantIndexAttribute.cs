namespace Tenancy.Isolation.Repositories;

/// <summary>
/// Declares a global secondary index over the entity whose partition key is tenant-prefixed: the generator writes
/// <see cref="PartitionKeyAttributeName"/> as <c>TENANT#&lt;id&gt;#&lt;PartitionKey template&gt;</c> on every put,
/// so a query on the index can only ever see the scope's tenant. An index whose partition key attribute is a plain
/// entity property (not tenant-prefixed) is rejected by analyzer TNT005.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class TenantIndexAttribute : Attribute
{
    /// <summary>Declares the property a key of the global secondary index <paramref name="indexName"/>.</summary>
    public TenantIndexAttribute(string indexName)
    {
        IndexName = indexName;
    }

    /// <summary>The global secondary index the property keys.</summary>
    public string IndexName { get; }

    /// <summary>Partition key template after the tenant segment, e.g. <c>STATUS#{Status}</c>; empty for the tenant alone.</summary>
    public string PartitionKey { get; set; } = string.Empty;

    /// <summary>Optional sort key template, e.g. <c>{CreatedAt}</c>.</summary>
    public string? SortKey { get; set; }

    /// <summary>The index's partition key attribute; defaults to <c>&lt;IndexName&gt;PK</c>.</summary>
    public string? PartitionKeyAttributeName { get; set; }

    /// <summary>The index's sort key attribute; defaults to <c>&lt;IndexName&gt;SK</c>.</summary>
    public string? SortKeyAttributeName { get; set; }
}
