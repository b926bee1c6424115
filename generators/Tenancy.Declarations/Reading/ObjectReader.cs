using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tenancy.Declarations.Model;

namespace Tenancy.Declarations.Reading;

/// <summary>
/// Reads a class, record or struct into an <see cref="ObjectSpec"/>: stored properties are the public readable
/// ones that can be restored (a parameter of the chosen constructor, or settable/init), minus <c>[NotStored]</c>;
/// computed and get-only properties are not stored, so they are neither checked nor usable as key placeholders.
/// The chosen constructor is the public one with the most parameters that all match properties by name and type.
/// </summary>
internal static class ObjectReader
{
    /// <summary>Registers a nested type (once) and returns its helper suffix, or null with the reason it cannot be stored.</summary>
    public static string? Register(INamedTypeSymbol type, string typeName, MappingContext context, out string reason)
    {
        reason = string.Empty;
        var suffix = context.SuffixFor(typeName, type.Name);
        if (context.Objects.ContainsKey(suffix))
        {
            // Known (or, for a recursive type, still being read): one helper per type.
            if (context.Failures.TryGetValue(suffix, out var failure))
            {
                reason = failure;
                return null;
            }

            return suffix;
        }

        var reading = Read(type, typeName, suffix, context);
        if (reading.Problems.Count > 0)
        {
            reason = "'" + type.ToDisplayString() + "': " + reading.Problems[0].Message;
            context.Failures[suffix] = reason;
            return null;
        }

        return suffix;
    }

    /// <summary>Reads <paramref name="type"/> under <paramref name="suffix"/>; the spec is registered only when there are no problems.</summary>
    public static ObjectReading Read(INamedTypeSymbol type, string typeName, string suffix, MappingContext context)
    {
        context.Objects[suffix] = null;
        context.ObjectOrder.Add(suffix);
        var problems = new List<PropertyProblem>();
        var stored = new List<StoredMember>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsRequired && !field.IsImplicitlyDeclared)
            {
                problems.Add(new PropertyProblem(null, $"'{type.Name}' has the required field '{field.Name}'; stored types are restored from properties only"));
            }
        }

        var candidates = ReadableProperties(type);
        var constructor = ChooseConstructor(type, candidates);
        if (constructor is null)
        {
            problems.Add(new PropertyProblem(null, $"'{type.Name}' needs a public constructor whose parameters all match stored properties by name and type (or a parameterless one)"));
        }

        var constructorNames = constructor is null
            ? new List<string>()
            : constructor.Parameters.Select(p => candidates.First(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase)).Name).ToList();

        var storedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        string? version = null;
        foreach (var property in candidates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var member = ReadProperty(type, property, constructorNames.Contains(property.Name), context, problems);
            if (member is null)
            {
                continue;
            }

            var name = member.Spec.StoredName;
            if (storedNames.TryGetValue(name, out var other))
            {
                problems.Add(new PropertyProblem(property, $"Properties '{other}' and '{property.Name}' are both stored as attribute '{name}'"));
            }
            else if (name.Length > 0)
            {
                storedNames.Add(name, property.Name);
            }

            if (member.Spec.IsVersion)
            {
                if (version is not null)
                {
                    problems.Add(new PropertyProblem(property, $"'{type.Name}' has more than one [ConcurrencyVersion] property ('{version}' and '{property.Name}')"));
                }

                version = property.Name;
            }

            stored.Add(member);
        }

        if (problems.Count == 0)
        {
            context.Objects[suffix] = new ObjectSpec(typeName, suffix, stored.Select(s => s.Spec).ToEquatableArray(), constructorNames.ToEquatableArray());
        }

        return new ObjectReading(stored, problems);
    }

    /// <summary>One candidate property: null when it is not stored (or cannot be, with a problem added).</summary>
    private static StoredMember? ReadProperty(INamedTypeSymbol type, IPropertySymbol property, bool inConstructor, MappingContext context, List<PropertyProblem> problems)
    {
        if (KnownTypes.FindAttribute(property, KnownTypes.NotStoredAttribute) is not null)
        {
            if (property.IsRequired || inConstructor)
            {
                problems.Add(new PropertyProblem(property, $"[NotStored] property '{property.Name}' is required or a constructor parameter, so '{type.Name}' could not be restored without it"));
            }

            return null;
        }

        if (!inConstructor && property.SetMethod is not { DeclaredAccessibility: Accessibility.Public })
        {
            // Computed or get-only: it cannot be restored, so it is not stored.
            return null;
        }

        var valueType = TypeClassifier.Classify(property.Type, context, out var reason);
        if (valueType is null)
        {
            problems.Add(new PropertyProblem(property, $"Property '{property.Name}' of '{type.Name}' has an unsupported type: {reason}"));
            return null;
        }

        var storedName = property.Name;
        if (KnownTypes.FindAttribute(property, KnownTypes.StoredNameAttribute) is { } stored)
        {
            storedName = stored.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
            if (string.IsNullOrWhiteSpace(storedName))
            {
                problems.Add(new PropertyProblem(property, $"[StoredName] on '{property.Name}' must name a non-empty attribute"));
            }
        }

        var encrypted = KnownTypes.FindAttribute(property, KnownTypes.EncryptedAttribute) is not null;
        if (encrypted && valueType.Kind is not (ValueKind.String or ValueKind.Bytes))
        {
            problems.Add(new PropertyProblem(property, $"[Encrypted] property '{property.Name}' must be a string or byte[], not '{property.Type.ToDisplayString()}'"));
        }

        var version = KnownTypes.FindAttribute(property, KnownTypes.ConcurrencyVersionAttribute) is not null;
        if (version && (valueType.Kind != ValueKind.Number || valueType.NumberName != "Int64" || valueType.IsNullable || encrypted))
        {
            problems.Add(new PropertyProblem(property, $"[ConcurrencyVersion] property '{property.Name}' must be a long, not '{property.Type.ToDisplayString()}'"));
        }

        return new StoredMember(property, new PropertySpec(property.Name, storedName, valueType, encrypted, version, inConstructor));
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
