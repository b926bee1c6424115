using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// Reads a <c>[TenantEntity]</c> type: its stored properties, key templates and tenant indexes. The result carries
/// every problem (TNT002, TNT005, TNT006); the spec exists only when there are none.
/// </summary>
internal static class EntityReader
{
    /// <summary>Null when <paramref name="type"/> has no <c>[TenantEntity]</c>.</summary>
    public static EntityReading? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var attribute = KnownTypes.FindAttribute(type, KnownTypes.TenantEntityAttribute);
        if (attribute is null)
        {
            return null;
        }

        var problems = new ProblemList();
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsGenericType || type.IsAbstract || type.IsStatic)
        {
            problems.Invalid(AttributeLocations.FirstLocation(type), $"Tenant entity '{type.Name}' must be a non-generic, non-abstract class, record or struct");
            return new EntityReading(null, problems.ToEquatableArray());
        }

        var context = new MappingContext(cancellationToken);
        var typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(KnownTypes.Emit);
        var suffix = context.SuffixFor(typeName, type.Name);
        var root = ObjectReader.Read(type, typeName, suffix, context);
        foreach (var problem in root.Problems)
        {
            var location = problem.Property is null ? AttributeLocations.FirstLocation(type) : AttributeLocations.OfProperty(problem.Property, type);
            problems.Invalid(location, problem.Message);
        }

        var declaration = new EntityDeclaration(type, attribute, root.Stored);
        CheckKeyAttributes(declaration, problems);
        var sortKey = ReadSortKey(declaration, problems);
        var partitionKey = ReadPartitionKey(declaration, problems);
        var indexes = IndexReader.Read(declaration, problems);
        if (problems.Count > 0 || sortKey is null || context.Objects[suffix] is not { } rootSpec)
        {
            return new EntityReading(null, problems.ToEquatableArray());
        }

        var spec = new EntitySpec(
            typeName,
            type.Name,
            partitionKey,
            sortKey,
            declaration.PartitionKeyAttribute,
            declaration.SortKeyAttribute,
            indexes.ToEquatableArray(),
            rootSpec,
            context.ObjectOrder.Where(s => s != suffix).Select(s => context.Objects[s]!).ToEquatableArray(),
            context.Enums.Values.OrderBy(e => e.HelperSuffix, StringComparer.Ordinal).ToEquatableArray(),
            rootSpec.Properties.FirstOrDefault(p => p.IsVersion),
            rootSpec.Properties.Where(p => p.IsEncrypted).Select(p => p.StoredName).ToEquatableArray());
        return new EntityReading(spec, problems.ToEquatableArray());
    }

    private static void CheckKeyAttributes(EntityDeclaration entity, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(entity.PartitionKeyAttribute) || string.IsNullOrWhiteSpace(entity.SortKeyAttribute))
        {
            problems.Invalid(entity.AttributeLocation(null, -1), $"Tenant entity '{entity.Name}' must name non-empty partition and sort key attributes");
        }
        else if (string.Equals(entity.PartitionKeyAttribute, entity.SortKeyAttribute, StringComparison.OrdinalIgnoreCase))
        {
            problems.Invalid(entity.AttributeLocation("SortKeyAttributeName", -1), $"Tenant entity '{entity.Name}' uses '{entity.SortKeyAttribute}' as both partition and sort key attribute");
        }

        foreach (var property in entity.Stored)
        {
            foreach (var keyName in new[] { entity.PartitionKeyAttribute, entity.SortKeyAttribute })
            {
                if (string.Equals(property.Spec.StoredName, keyName, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Invalid(
                        AttributeLocations.OfProperty(property.Symbol, entity.Type),
                        $"Property '{property.Name}' is stored as '{property.Spec.StoredName}', which is the table's key attribute '{keyName}'");
                }
            }
        }
    }

    private static KeyTemplate? ReadSortKey(EntityDeclaration entity, ProblemList problems)
    {
        var text = entity.Attribute.ConstructorArguments.Length == 1 ? entity.Attribute.ConstructorArguments[0].Value as string : null;
        var syntax = KeyTemplateSyntax.Parse(text ?? string.Empty, mayBeEmpty: false);
        var location = entity.AttributeLocation("sortKey", 0);
        var template = KeyTemplateReader.Read(syntax, "sort key", entity.Name, entity.Properties, location, problems);
        if (template is not null && !syntax.StartsWithLiteral)
        {
            problems.Invalid(location, $"Sort key template '{syntax.Text}' of '{entity.Name}' must start with a literal segment (e.g. ORDER#{{Id}}) that tells this entity's items apart in queries");
            return null;
        }

        return template;
    }

    private static KeyTemplate? ReadPartitionKey(EntityDeclaration entity, ProblemList problems)
    {
        var text = KnownTypes.NamedString(entity.Attribute, "PartitionKey");
        if (text is null)
        {
            return null;
        }

        var syntax = KeyTemplateSyntax.Parse(text, mayBeEmpty: false);
        return KeyTemplateReader.Read(syntax, "partition key", entity.Name, entity.Properties, entity.AttributeLocation("PartitionKey", -1), problems);
    }
}
