using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Tenancy.Declarations.Reading;

/// <summary>The entity type, its <c>[TenantEntity]</c> attribute and stored properties, while it is being read.</summary>
internal sealed class EntityDeclaration
{
    public EntityDeclaration(INamedTypeSymbol type, AttributeData attribute, IReadOnlyList<StoredMember> stored)
    {
        Type = type;
        Attribute = attribute;
        Stored = stored;
        var properties = new Dictionary<string, StoredMember>(StringComparer.Ordinal);
        foreach (var member in stored)
        {
            properties[member.Name] = member;
        }

        Properties = properties;
        PartitionKeyAttribute = KnownTypes.NamedString(attribute, "PartitionKeyAttributeName") ?? "PK";
        SortKeyAttribute = KnownTypes.NamedString(attribute, "SortKeyAttributeName") ?? "SK";
    }

    public INamedTypeSymbol Type { get; }

    public string Name => Type.Name;

    public AttributeData Attribute { get; }

    public IReadOnlyList<StoredMember> Stored { get; }

    /// <summary>Stored properties by C# name: the names key placeholders may use.</summary>
    public IReadOnlyDictionary<string, StoredMember> Properties { get; }

    public string PartitionKeyAttribute { get; }

    public string SortKeyAttribute { get; }

    public Location AttributeLocation(string? argumentName, int position) => AttributeLocations.Of(Attribute, argumentName, position, Type);
}
