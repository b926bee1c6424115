using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tenancy.Declarations.Model;
using Tenancy.Declarations.Problems;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// Reads a <c>[TenantProjection]</c> type, shared by the generator and the analyzers: every stored property must be a
/// stored, non-sensitive, non-encrypted property of the entity (else TNT008) of the same type (else TNT002); the type
/// must be a partial, non-generic, top-level class or record over a valid <c>[TenantEntity]</c> (else TNT002).
/// Stored names always come from the entity, so a projection reads exactly the attributes the entity writes.
/// </summary>
internal static class ProjectionReader
{
    public static ProjectionReading Read(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var problems = new ProblemList();
        var location = AttributeLocations.FirstLocation(type);
        CheckShape(type, problems, cancellationToken);
        var entityType = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as INamedTypeSymbol : null;
        if (entityType is null)
        {
            problems.Invalid(AttributeLocations.Of(attribute, "entityType", 0, type), $"[TenantProjection] on '{type.Name}' must name an entity type with typeof(...)");
            return new ProjectionReading(null, problems.ToEquatableArray());
        }

        var entity = EntityReader.Read(entityType, cancellationToken);
        if (entity is null)
        {
            problems.Invalid(
                AttributeLocations.Of(attribute, "entityType", 0, type),
                $"Entity type '{entityType.ToDisplayString()}' of projection '{type.Name}' must be marked [TenantEntity(...)]");
            return new ProjectionReading(null, problems.ToEquatableArray());
        }

        var context = new MappingContext(cancellationToken);
        var typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(KnownTypes.Emit);
        var suffix = context.SuffixFor(typeName, type.Name);
        var root = ObjectReader.Read(type, typeName, suffix, context);
        foreach (var problem in root.Problems)
        {
            problems.Invalid(problem.Property is null ? location : AttributeLocations.OfProperty(problem.Property, type), problem.Message);
        }

        var entityProperties = EntityProperties(entityType);
        var storedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in root.Stored)
        {
            var where = AttributeLocations.OfProperty(member.Symbol, type);
            var storedByEntity = entity.Spec is null || entity.Spec.Root.Properties.Any(p => p.Name == member.Name);
            if (!entityProperties.TryGetValue(member.Name, out var source) || !storedByEntity)
            {
                problems.Add(DiagnosticIds.ProjectionNamesSensitiveOrUnknown, where, $"Projection '{type.Name}' names '{member.Name}', which is not a stored property of '{entityType.Name}'");
                continue;
            }

            if (KnownTypes.FindAttribute(source, KnownTypes.SensitiveAttribute) is not null || KnownTypes.FindAttribute(source, KnownTypes.EncryptedAttribute) is not null)
            {
                problems.Add(DiagnosticIds.ProjectionNamesSensitiveOrUnknown, where, $"Projection '{type.Name}' names '{member.Name}', which is sensitive in '{entityType.Name}' ([Sensitive] or [Encrypted])");
                continue;
            }

            if (!SymbolEqualityComparer.IncludeNullability.Equals(source.Type, member.Symbol.Type))
            {
                problems.Invalid(where, $"Property '{member.Name}' of projection '{type.Name}' must have the entity's type '{source.Type.ToDisplayString()}'");
                continue;
            }

            if (KnownTypes.FindAttribute(member.Symbol, KnownTypes.StoredNameAttribute) is not null)
            {
                problems.Invalid(where, $"Property '{member.Name}' of projection '{type.Name}' must not carry [StoredName]; its attribute name comes from '{entityType.Name}'");
                continue;
            }

            if (entity.Spec?.Root.Properties.FirstOrDefault(p => p.Name == member.Name) is { } entityProperty)
            {
                storedNames[member.Name] = entityProperty.StoredName;
            }
        }

        if (root.Stored.Count == 0 && root.Problems.Count == 0)
        {
            problems.Invalid(location, $"Projection '{type.Name}' must have at least one stored property");
        }

        if (problems.Count > 0 || entity.Spec is not { } entitySpec || context.Objects[suffix] is not { } rootSpec)
        {
            return new ProjectionReading(null, problems.ToEquatableArray());
        }

        var projected = rootSpec with
        {
            Properties = rootSpec.Properties.Select(p => p with { StoredName = storedNames[p.Name] }).ToEquatableArray(),
        };
        return new ProjectionReading(Spec(type, typeName, entitySpec, projected, context, suffix), problems.ToEquatableArray());
    }

    private static ProjectionSpec Spec(INamedTypeSymbol type, string typeName, EntitySpec entity, ObjectSpec root, MappingContext context, string suffix)
    {
        var names = new List<string> { entity.PartitionKeyAttribute, entity.SortKeyAttribute };
        foreach (var index in entity.Indexes)
        {
            names.Add(index.PartitionKeyAttribute);
            if (index.SortKey is not null)
            {
                names.Add(index.SortKeyAttribute);
            }
        }

        names.AddRange(root.Properties.Select(p => p.StoredName));
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        return new ProjectionSpec(
            ns,
            typeName,
            type.Name,
            type.IsRecord ? "record" : "class",
            type.Name + "Repository",
            type.DeclaredAccessibility == Accessibility.Public,
            entity,
            root,
            context.ObjectOrder.Where(s => s != suffix).Select(s => context.Objects[s]!).ToEquatableArray(),
            context.Enums.Values.OrderBy(e => e.HelperSuffix, StringComparer.Ordinal).ToEquatableArray(),
            names.Distinct(StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>Public properties of the entity and its bases by name, most-derived first.</summary>
    private static Dictionary<string, IPropertySymbol> EntityProperties(INamedTypeSymbol entity)
    {
        var result = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        for (var current = entity; current is not null; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && !result.ContainsKey(property.Name))
                {
                    result.Add(property.Name, property);
                }
            }
        }

        return result;
    }

    private static void CheckShape(INamedTypeSymbol type, ProblemList problems, CancellationToken cancellationToken)
    {
        var location = AttributeLocations.FirstLocation(type);
        if (type.TypeKind != TypeKind.Class || type.IsGenericType || type.IsAbstract || type.IsStatic)
        {
            problems.Invalid(location, $"Projection '{type.Name}' must be a non-generic, non-abstract class or record");
        }

        if (type.ContainingType is not null)
        {
            problems.Invalid(location, $"Projection '{type.Name}' must be declared in a namespace, not nested in '{type.ContainingType.Name}'");
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Invalid(declaration.Identifier.GetLocation(), $"Projection '{type.Name}' must be declared partial; the generator adds its attribute names");
            }
        }
    }
}
