using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>One <c>[TenantIndex]</c> on an entity.</summary>
internal sealed class IndexDeclaration
{
    public IndexDeclaration(AttributeData attribute, string name, KeyTemplate partitionKey, KeyTemplate? sortKey, string? partitionKeyAttributeName, string? sortKeyAttributeName)
    {
        Attribute = attribute;
        Name = name;
        PartitionKey = partitionKey;
        SortKey = sortKey;
        PartitionKeyAttributeName = partitionKeyAttributeName ?? name + "PK";
        SortKeyAttributeName = sortKey is null ? null : sortKeyAttributeName ?? name + "SK";
        HasExplicitPartitionKeyAttributeName = partitionKeyAttributeName is not null;
    }

    public AttributeData Attribute { get; }

    public string Name { get; }

    public KeyTemplate PartitionKey { get; }

    public KeyTemplate? SortKey { get; }

    /// <summary>The effective partition key attribute: the declared one or <c>&lt;IndexName&gt;PK</c>.</summary>
    public string PartitionKeyAttributeName { get; }

    /// <summary>The effective sort key attribute when the index has a sort key template.</summary>
    public string? SortKeyAttributeName { get; }

    public bool HasExplicitPartitionKeyAttributeName { get; }
}
