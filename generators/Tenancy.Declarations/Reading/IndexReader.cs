using System;
using System.Collections.Generic;
using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// Reads the entity's <c>[TenantIndex]</c> attributes: name, key templates and key attributes. An index partition
/// attribute must be written only by the generator, as <c>TENANT#&lt;id&gt;#&lt;template&gt;</c> (TNT005).
/// </summary>
internal static class IndexReader
{
    private const int MinIndexNameLength = 3;
    private const int MaxIndexNameLength = 255;

    public static List<IndexSpec> Read(EntityDeclaration entity, ProblemList problems)
    {
        var declarations = new List<IndexDeclaration>();
        foreach (var attribute in entity.Type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownTypes.TenantIndexAttribute)
            {
                declarations.Add(new IndexDeclaration(attribute));
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new List<IndexSpec>();
        foreach (var index in declarations)
        {
            var nameLocation = AttributeLocations.Of(index.Attribute, "indexName", 0, entity.Type);
            if (!IsValidIndexName(index.Name))
            {
                problems.Invalid(nameLocation, $"Index name '{index.Name}' must be {MinIndexNameLength}-{MaxIndexNameLength} characters of a-z, A-Z, 0-9, '_', '-' and '.'");
            }
            else if (!names.Add(index.Name))
            {
                problems.Invalid(nameLocation, $"Tenant entity '{entity.Name}' declares index '{index.Name}' more than once");
            }

            var partitionKey = KeyTemplateReader.Read(
                KeyTemplateSyntax.Parse(index.PartitionKeyText ?? string.Empty, mayBeEmpty: true),
                $"index '{index.Name}' partition key",
                entity.Name,
                entity.Properties,
                AttributeLocations.Of(index.Attribute, "PartitionKey", -1, entity.Type),
                problems);
            KeyTemplate? sortKey = null;
            if (index.SortKeyText is not null)
            {
                sortKey = KeyTemplateReader.Read(
                    KeyTemplateSyntax.Parse(index.SortKeyText, mayBeEmpty: false),
                    $"index '{index.Name}' sort key",
                    entity.Name,
                    entity.Properties,
                    AttributeLocations.Of(index.Attribute, "SortKey", -1, entity.Type),
                    problems);
            }

            CheckPartitionAttribute(entity, declarations, index, problems);
            CheckSortAttribute(entity, declarations, index, problems);
            if (partitionKey is not null)
            {
                indexes.Add(new IndexSpec(index.Name, partitionKey, sortKey, index.PartitionKeyAttribute, index.DeclaredSortKeyAttribute ?? index.Name + "SK"));
            }
        }

        return indexes;
    }

    private static void CheckPartitionAttribute(EntityDeclaration entity, List<IndexDeclaration> all, IndexDeclaration index, ProblemList problems)
    {
        var location = AttributeLocations.Of(index.Attribute, index.HasExplicitPartitionKeyAttribute ? "PartitionKeyAttributeName" : "indexName", 0, entity.Type);
        var attributeName = index.PartitionKeyAttribute;
        if (string.IsNullOrWhiteSpace(attributeName))
        {
            problems.Add(DiagnosticIds.IndexNotTenantPrefixed, location, $"Index '{index.Name}' must name a partition key attribute");
            return;
        }

        var conflict = FindAttributeOwner(entity, all, index, attributeName, isPartition: true);
        if (conflict is not null)
        {
            problems.Add(
                DiagnosticIds.IndexNotTenantPrefixed,
                location,
                $"Index '{index.Name}' partitions on attribute '{attributeName}', which is also {conflict}; its partitions would not be tenant-prefixed. Use a dedicated attribute such as '{index.Name}PK', written as TENANT#<id>#<template>.");
        }
    }

    private static void CheckSortAttribute(EntityDeclaration entity, List<IndexDeclaration> all, IndexDeclaration index, ProblemList problems)
    {
        if (index.SortKeyAttribute is not { } attributeName)
        {
            return;
        }

        var location = AttributeLocations.Of(index.Attribute, "SortKeyAttributeName", -1, entity.Type);
        if (string.IsNullOrWhiteSpace(attributeName))
        {
            problems.Invalid(location, $"Index '{index.Name}' must name a sort key attribute");
            return;
        }

        var conflict = FindAttributeOwner(entity, all, index, attributeName, isPartition: false);
        if (conflict is not null)
        {
            problems.Invalid(location, $"Index '{index.Name}' sort key attribute '{attributeName}' is also {conflict}");
        }
    }

    /// <summary>Describes what else writes <paramref name="attributeName"/>, or null when only this index key does.</summary>
    private static string? FindAttributeOwner(EntityDeclaration entity, List<IndexDeclaration> all, IndexDeclaration index, string attributeName, bool isPartition)
    {
        foreach (var property in entity.Stored)
        {
            if (Same(property.Spec.StoredName, attributeName))
            {
                return $"the stored attribute of property '{property.Name}' (its raw value)";
            }
        }

        if (Same(attributeName, entity.PartitionKeyAttribute) || Same(attributeName, entity.SortKeyAttribute))
        {
            return "a key attribute of the table";
        }

        // The reverse case (sort attribute == own partition attribute) is reported once, as TNT005, on the partition side.
        if (isPartition && Same(attributeName, index.SortKeyAttribute))
        {
            return "the index's own sort key attribute";
        }

        foreach (var other in all)
        {
            if (!ReferenceEquals(other, index) && (Same(attributeName, other.PartitionKeyAttribute) || Same(attributeName, other.SortKeyAttribute)))
            {
                return $"a key attribute of index '{other.Name}'";
            }
        }

        return null;
    }

    private static bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static bool IsValidIndexName(string name)
    {
        if (name.Length is < MinIndexNameLength or > MaxIndexNameLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
