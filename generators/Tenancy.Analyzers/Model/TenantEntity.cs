using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>What a <c>[TenantEntity]</c> type declares: key templates, key attribute names, indexes and stored properties.</summary>
internal sealed class TenantEntity
{
    private TenantEntity(
        INamedTypeSymbol type,
        AttributeData attribute,
        KeyTemplate sortKey,
        KeyTemplate? partitionKey,
        string partitionKeyAttributeName,
        string sortKeyAttributeName,
        ImmutableArray<IndexDeclaration> indexes,
        ImmutableArray<StoredProperty> properties)
    {
        Type = type;
        Attribute = attribute;
        SortKey = sortKey;
        PartitionKey = partitionKey;
        PartitionKeyAttributeName = partitionKeyAttributeName;
        SortKeyAttributeName = sortKeyAttributeName;
        Indexes = indexes;
        Properties = properties;
    }

    public INamedTypeSymbol Type { get; }

    public AttributeData Attribute { get; }

    public KeyTemplate SortKey { get; }

    public KeyTemplate? PartitionKey { get; }

    public string PartitionKeyAttributeName { get; }

    public string SortKeyAttributeName { get; }

    public ImmutableArray<IndexDeclaration> Indexes { get; }

    public ImmutableArray<StoredProperty> Properties { get; }

    /// <summary>Placeholders of the table key (partition then sort), in order.</summary>
    public IEnumerable<string> PartitionPlaceholders => PartitionKey?.Placeholders ?? System.Linq.Enumerable.Empty<string>();

    public IEnumerable<string> KeyPlaceholders
    {
        get
        {
            foreach (var name in PartitionPlaceholders)
            {
                yield return name;
            }

            foreach (var name in SortKey.Placeholders)
            {
                yield return name;
            }
        }
    }

    public StoredProperty? VersionProperty
    {
        get
        {
            foreach (var property in Properties)
            {
                if (property.IsVersion)
                {
                    return property;
                }
            }

            return null;
        }
    }

    public StoredProperty? FindProperty(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, System.StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    public IndexDeclaration? FindIndex(string name)
    {
        foreach (var index in Indexes)
        {
            if (string.Equals(index.Name, name, System.StringComparison.Ordinal))
            {
                return index;
            }
        }

        return null;
    }

    /// <summary>Reads the entity declaration, or null when <paramref name="type"/> has no <c>[TenantEntity]</c>.</summary>
    public static TenantEntity? TryRead(INamedTypeSymbol type, TenancyTypes types)
    {
        var attribute = TenancyTypes.Find(type, types.TenantEntityAttribute);
        if (attribute is null)
        {
            return null;
        }

        var sortKeyText = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var partitionKeyText = NamedString(attribute, "PartitionKey");
        var indexes = ImmutableArray.CreateBuilder<IndexDeclaration>();
        foreach (var candidate in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, types.TenantIndexAttribute))
            {
                continue;
            }

            var indexName = candidate.ConstructorArguments.Length == 1 ? candidate.ConstructorArguments[0].Value as string : null;
            var indexSortKey = NamedString(candidate, "SortKey");
            indexes.Add(new IndexDeclaration(
                candidate,
                indexName ?? string.Empty,
                KeyTemplate.Parse(NamedString(candidate, "PartitionKey") ?? string.Empty, mayBeEmpty: true),
                indexSortKey is null ? null : KeyTemplate.Parse(indexSortKey, mayBeEmpty: false),
                NamedString(candidate, "PartitionKeyAttributeName"),
                NamedString(candidate, "SortKeyAttributeName")));
        }

        return new TenantEntity(
            type,
            attribute,
            KeyTemplate.Parse(sortKeyText ?? string.Empty, mayBeEmpty: false),
            partitionKeyText is null ? null : KeyTemplate.Parse(partitionKeyText, mayBeEmpty: false),
            NamedString(attribute, "PartitionKeyAttributeName") ?? "PK",
            NamedString(attribute, "SortKeyAttributeName") ?? "SK",
            indexes.ToImmutable(),
            ReadStoredProperties(type, types));
    }

    /// <summary>Public instance properties with a getter, from the type and its base types, minus <c>[NotStored]</c>.</summary>
    public static ImmutableArray<StoredProperty> ReadStoredProperties(INamedTypeSymbol type, TenancyTypes types)
    {
        var result = ImmutableArray.CreateBuilder<StoredProperty>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol property
                    || property.IsStatic
                    || property.IsIndexer
                    || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is null
                    || !seen.Add(property.Name)
                    || TenancyTypes.Has(property, types.NotStoredAttribute))
                {
                    continue;
                }

                var storedNameAttribute = TenancyTypes.Find(property, types.StoredNameAttribute);
                var storedName = storedNameAttribute is { ConstructorArguments.Length: 1 } ? storedNameAttribute.ConstructorArguments[0].Value as string : null;
                result.Add(new StoredProperty(
                    property,
                    storedName ?? property.Name,
                    TenancyTypes.Has(property, types.EncryptedAttribute),
                    TenancyTypes.Has(property, types.ConcurrencyVersionAttribute),
                    storedNameAttribute));
            }
        }

        return result.ToImmutable();
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }
}
