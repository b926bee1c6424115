namespace Tenancy.Isolation.Repositories;

/// <summary>
/// Declares a type stored as tenant-owned DynamoDB items. Keys are templates of literal text and
/// <c>{PropertyName}</c> placeholders joined by <c>#</c>, for example <c>ORDER#{Id}</c>.
/// <para>
/// The tenant segment <c>TENANT#&lt;tenantId&gt;</c> is always first in the partition key and is added by the
/// generator from the <see cref="TenantScope"/>; a template must never contain it (analyzer TNT006). The stored
/// partition key is <c>TENANT#&lt;id&gt;</c> or <c>TENANT#&lt;id&gt;#&lt;PartitionKey template&gt;</c>.
/// Placeholder values that contain <c>#</c> or control characters are rejected at run time
/// (<see cref="InvalidKeySegmentException"/>), so no value can forge another item's or tenant's key.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class TenantEntityAttribute : Attribute
{
    /// <summary>Declares the entity with its sort key template, such as <c>ORDER#{Id}</c>.</summary>
    public TenantEntityAttribute(string sortKey)
    {
        SortKey = sortKey;
    }

    /// <summary>The sort key template, e.g. <c>ORDER#{Id}</c>. Its leading literal text identifies the entity type in queries.</summary>
    public string SortKey { get; }

    /// <summary>Optional partition key template placed after the tenant segment, e.g. <c>CUSTOMER#{CustomerId}</c>.</summary>
    public string? PartitionKey { get; set; }

    /// <summary>Name of the table's partition key attribute.</summary>
    public string PartitionKeyAttributeName { get; set; } = "PK";

    /// <summary>Name of the table's sort key attribute.</summary>
    public string SortKeyAttributeName { get; set; } = "SK";
}
