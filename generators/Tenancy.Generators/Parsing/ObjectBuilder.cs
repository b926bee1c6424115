using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tenancy.Generators.Model;

namespace Tenancy.Generators.Parsing;

/// <summary>
/// Analyses a class, record or struct into an <see cref="ObjectSpec"/>: stored properties are the public readable
/// ones that can be restored (a parameter of the chosen constructor, or settable/init), minus <c>[NotStored]</c>.
/// The chosen constructor is the public one with the most parameters that all match properties by name and type.
/// </summary>
internal static class ObjectBuilder
{
    /// <summary>Registers the type (once) and returns its helper suffix; null if it cannot be mapped.</summary>
    public static string? Register(INamedTypeSymbol type, string typeName, MappingContext context)
    {
        var suffix = context.SuffixFor(typeName, type.Name);
        if (context.Objects.TryGetValue(suffix, out _))
        {
            return suffix;
        }

        context.Objects[suffix] = null;
        context.ObjectOrder.Add(suffix);
        var spec = Build(type, typeName, suffix, context);
        if (spec is null)
        {
            return null;
        }

        context.Objects[suffix] = spec;
        return suffix;
    }

    private static ObjectSpec? Build(INamedTypeSymbol type, string typeName, string suffix, MappingContext context)
    {
        if (type.IsGenericType || type.GetMembers().OfType<IFieldSymbol>().Any(f => f.IsRequired && !f.IsImplicitlyDeclared))
        {
            return null;
        }

        var candidates = ReadableProperties(type);
        var constructor = ChooseConstructor(type, candidates);
        if (constructor is null)
        {
            return null;
        }

        var constructorNames = constructor.Parameters
            .Select(p => candidates.First(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase)).Name)
            .ToList();

        var properties = new List<PropertySpec>();
        var storedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in candidates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var inConstructor = constructorNames.Contains(property.Name);
            var settable = property.SetMethod is { DeclaredAccessibility: Accessibility.Public };
            var notStored = KnownTypes.FindAttribute(property, KnownTypes.NotStoredAttribute) is not null;
            if (notStored)
            {
                if (property.IsRequired || inConstructor)
                {
                    return null;
                }

                continue;
            }

            if (!inConstructor && !settable)
            {
                // Computed or get-only: it cannot be restored, so it is not stored.
                continue;
            }

            var valueType = TypeClassifier.Classify(property.Type, context);
            if (valueType is null)
            {
                return null;
            }

            var storedName = property.Name;
            if (KnownTypes.FindAttribute(property, KnownTypes.StoredNameAttribute) is { } stored)
            {
                storedName = stored.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
                if (storedName.Length == 0)
                {
                    return null;
                }
            }

            if (!storedNames.Add(storedName))
            {
                return null;
            }

            var encrypted = KnownTypes.FindAttribute(property, KnownTypes.EncryptedAttribute) is not null;
            if (encrypted && valueType.Kind is not (ValueKind.String or ValueKind.Bytes))
            {
                return null;
            }

            var version = KnownTypes.FindAttribute(property, KnownTypes.ConcurrencyVersionAttribute) is not null;
            if (version && (valueType.Kind != ValueKind.Number || valueType.NumberName != "Int64" || valueType.IsNullable || encrypted))
            {
                return null;
            }

            properties.Add(new PropertySpec(property.Name, storedName, valueType, encrypted, version, inConstructor));
        }

        return new ObjectSpec(typeName, suffix, properties.ToEquatableArray(), constructorNames.ToEquatableArray());
    }

    /// <summary>Public instance properties with a public getter, most-derived declaration first, base members after.</summary>
    private static List<IPropertySymbol> ReadableProperties(INamedTypeSymbol type)
    {
        var result = new List<IPropertySymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public }
                    || property.Name == "EqualityContract" || !seen.Add(property.Name))
                {
                    continue;
                }

                result.Add(property);
            }
        }

        return result;
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<IPropertySymbol> candidates)
    {
        IMethodSymbol? best = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public || constructor.IsStatic)
            {
                continue;
            }

            var matches = constructor.Parameters.All(parameter => parameter.RefKind == RefKind.None && candidates.Any(property =>
                string.Equals(property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                && SymbolEqualityComparer.Default.Equals(property.Type, parameter.Type)
                && KnownTypes.FindAttribute(property, KnownTypes.NotStoredAttribute) is null));
            if (matches && (best is null || constructor.Parameters.Length > best.Parameters.Length))
            {
                best = constructor;
            }
        }

        return best;
    }
}
