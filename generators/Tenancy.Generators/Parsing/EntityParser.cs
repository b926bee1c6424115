using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tenancy.Generators.Model;

namespace Tenancy.Generators.Parsing;

/// <summary>Reads a <c>[TenantEntity]</c> type, its key templates and tenant indexes; null when invalid.</summary>
internal static class EntityParser
{
    public static EntitySpec? Parse(INamedTypeSymbol type, MappingContext context)
    {
        if (KnownTypes.FindAttribute(type, KnownTypes.TenantEntityAttribute) is not { } entity
            || entity.ConstructorArguments.Length != 1
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || type.IsAbstract || type.IsGenericType)
        {
            return null;
        }

        var typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(KnownTypes.Emit);
        if (ObjectBuilder.Register(type, typeName, context) is not { } suffix || context.Objects[suffix] is not { } root)
        {
            return null;
        }

        var properties = root.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var partitionKeyAttribute = KnownTypes.NamedString(entity, "PartitionKeyAttributeName") ?? "PK";
        var sortKeyAttribute = KnownTypes.NamedString(entity, "SortKeyAttributeName") ?? "SK";
        var sortKey = KeyTemplateParser.Parse(entity.ConstructorArguments[0].Value as string, properties, allowEmpty: false);
        var partitionText = KnownTypes.NamedString(entity, "PartitionKey");
        var partitionKey = partitionText is null ? null : KeyTemplateParser.Parse(partitionText, properties, allowEmpty: false);
        if (sortKey is null || sortKey.LiteralPrefix.Length == 0 || (partitionText is not null && partitionKey is null)
            || partitionKeyAttribute.Length == 0 || sortKeyAttribute.Length == 0 || partitionKeyAttribute == sortKeyAttribute)
        {
            return null;
        }

        var keyAttributes = new HashSet<string>(StringComparer.Ordinal) { partitionKeyAttribute, sortKeyAttribute };
        var indexes = new List<IndexSpec>();
        foreach (var attribute in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownTypes.TenantIndexAttribute))
        {
            var index = ParseIndex(attribute, properties);
            if (index is null || indexes.Any(i => i.Name == index.Name)
                || !keyAttributes.Add(index.PartitionKeyAttribute) || !keyAttributes.Add(index.SortKeyAttribute))
            {
                return null;
            }

            indexes.Add(index);
        }

        if (root.Properties.Any(p => keyAttributes.Contains(p.StoredName)) || root.Properties.Count(p => p.IsVersion) > 1)
        {
            return null;
        }

        var nested = context.ObjectOrder.Where(s => s != suffix).Select(s => context.Objects[s]).ToList();
        if (nested.Any(o => o is null))
        {
            return null;
        }

        return new EntitySpec(
            typeName,
            type.Name,
            partitionKey,
            sortKey,
            partitionKeyAttribute,
            sortKeyAttribute,
            indexes.ToEquatableArray(),
            root,
            nested.Select(o => o!).ToEquatableArray(),
            context.Enums.Values.OrderBy(e => e.HelperSuffix, StringComparer.Ordinal).ToEquatableArray(),
            root.Properties.FirstOrDefault(p => p.IsVersion),
            root.Properties.Where(p => p.IsEncrypted).Select(p => p.StoredName).ToEquatableArray());
    }

    private static IndexSpec? ParseIndex(AttributeData attribute, IReadOnlyDictionary<string, PropertySpec> properties)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name || name.Length == 0)
        {
            return null;
        }

        var partitionKey = KeyTemplateParser.Parse(KnownTypes.NamedString(attribute, "PartitionKey") ?? string.Empty, properties, allowEmpty: true);
        var sortText = KnownTypes.NamedString(attribute, "SortKey");
        var sortKey = sortText is null ? null : KeyTemplateParser.Parse(sortText, properties, allowEmpty: false);
        if (partitionKey is null || (sortText is not null && sortKey is null))
        {
            return null;
        }

        var partitionAttribute = KnownTypes.NamedString(attribute, "PartitionKeyAttributeName") ?? name + "PK";
        var sortAttribute = KnownTypes.NamedString(attribute, "SortKeyAttributeName") ?? name + "SK";
        return partitionAttribute.Length == 0 || sortAttribute.Length == 0
            ? null
            : new IndexSpec(name, partitionKey, sortKey, partitionAttribute, sortAttribute);
    }
}
