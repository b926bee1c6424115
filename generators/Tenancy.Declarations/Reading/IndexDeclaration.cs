using Microsoft.CodeAnalysis;

namespace Tenancy.Declarations.Reading;

/// <summary>One <c>[TenantIndex]</c> as written, with its effective key attribute names.</summary>
internal sealed class IndexDeclaration
{
    public IndexDeclaration(AttributeData attribute)
    {
        Attribute = attribute;
        Name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        PartitionKeyText = KnownTypes.NamedString(attribute, "PartitionKey");
        SortKeyText = KnownTypes.NamedString(attribute, "SortKey");
        var partitionAttribute = KnownTypes.NamedString(attribute, "PartitionKeyAttributeName");
        HasExplicitPartitionKeyAttribute = partitionAttribute is not null;
        PartitionKeyAttribute = partitionAttribute ?? Name + "PK";
        DeclaredSortKeyAttribute = KnownTypes.NamedString(attribute, "SortKeyAttributeName");
    }

    public AttributeData Attribute { get; }

    public string Name { get; }

    public string? PartitionKeyText { get; }

    public string? SortKeyText { get; }

    /// <summary>The declared partition key attribute, or <c>&lt;IndexName&gt;PK</c>.</summary>
    public string PartitionKeyAttribute { get; }

    public bool HasExplicitPartitionKeyAttribute { get; }

    public string? DeclaredSortKeyAttribute { get; }

    /// <summary>The effective sort key attribute, only when the index has a sort key template.</summary>
    public string? SortKeyAttribute => SortKeyText is null ? null : DeclaredSortKeyAttribute ?? Name + "SK";
}
