using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tenancy.Declarations.Model;

namespace Tenancy.Declarations.Reading;

/// <summary>Decides how a property type is stored, or why it cannot be.</summary>
internal static class TypeClassifier
{
    private static readonly Dictionary<SpecialType, string> Numbers = new()
    {
        [SpecialType.System_Byte] = "Byte",
        [SpecialType.System_SByte] = "SByte",
        [SpecialType.System_Int16] = "Int16",
        [SpecialType.System_UInt16] = "UInt16",
        [SpecialType.System_Int32] = "Int32",
        [SpecialType.System_UInt32] = "UInt32",
        [SpecialType.System_Int64] = "Int64",
        [SpecialType.System_UInt64] = "UInt64",
        [SpecialType.System_Single] = "Single",
        [SpecialType.System_Double] = "Double",
        [SpecialType.System_Decimal] = "Decimal",
    };

    private static readonly HashSet<string> ListTypes = new()
    {
        "System.Collections.Generic.List<T>",
        "System.Collections.Generic.IList<T>",
        "System.Collections.Generic.ICollection<T>",
        "System.Collections.Generic.IEnumerable<T>",
        "System.Collections.Generic.IReadOnlyList<T>",
        "System.Collections.Generic.IReadOnlyCollection<T>",
    };

    private static readonly HashSet<string> SetTypes = new()
    {
        "System.Collections.Generic.HashSet<T>",
        "System.Collections.Generic.ISet<T>",
        "System.Collections.Generic.IReadOnlySet<T>",
    };

    private static readonly HashSet<string> DictionaryTypes = new()
    {
        "System.Collections.Generic.Dictionary<TKey, TValue>",
        "System.Collections.Generic.IDictionary<TKey, TValue>",
        "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>",
    };

    /// <summary>How <paramref name="type"/> is stored, or null with the <paramref name="reason"/> it cannot be.</summary>
    public static ValueTypeSpec? Classify(ITypeSymbol type, MappingContext context, out string reason)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var underlying = ClassifyNonNullable(nullable.TypeArguments[0], context, out reason);
            if (underlying is null)
            {
                reason = "Nullable<" + Display(nullable.TypeArguments[0]) + ">: " + reason;
                return null;
            }

            return underlying with { IsNullable = true, TypeName = type.ToDisplayString(KnownTypes.Emit) };
        }

        var spec = ClassifyNonNullable(type, context, out reason);
        if (spec is null || type.IsValueType || type.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            return spec;
        }

        return spec with { IsNullable = true, TypeName = spec.NonNullTypeName + "?" };
    }

    private static ValueTypeSpec? ClassifyNonNullable(ITypeSymbol type, MappingContext context, out string reason)
    {
        reason = string.Empty;
        var plain = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var name = plain.ToDisplayString(KnownTypes.Emit);
        ValueTypeSpec Simple(ValueKind kind, string? number = null) =>
            new(kind, name, name, false, type.IsValueType, number, null, CollectionShape.None, null);

        if (type.SpecialType == SpecialType.System_String)
        {
            return Simple(ValueKind.String);
        }

        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return Simple(ValueKind.Boolean);
        }

        if (Numbers.TryGetValue(type.SpecialType, out var number))
        {
            return Simple(ValueKind.Number, number);
        }

        if (type.SpecialType == SpecialType.System_DateTime)
        {
            return Simple(ValueKind.DateTime);
        }

        switch (KnownTypes.MetadataName(type))
        {
            case "System.Guid":
                return Simple(ValueKind.Guid);
            case "System.DateTimeOffset":
                return Simple(ValueKind.DateTimeOffset);
            case "System.TimeSpan":
                return Simple(ValueKind.TimeSpan);
            case "System.DateOnly":
                return Simple(ValueKind.DateOnly);
            case "System.TimeOnly":
                return Simple(ValueKind.TimeOnly);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                reason = "multi-dimensional arrays are not supported";
                return null;
            }

            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return Simple(ValueKind.Bytes);
            }

            var element = Element(array.ElementType, context, out reason);
            return element is null ? null : new ValueTypeSpec(ValueKind.List, name, name, false, false, null, element, CollectionShape.Array, null);
        }

        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            return Simple(ValueKind.Enum) with { HelperSuffix = RegisterEnum(enumType, name, context) };
        }

        reason = "'" + Display(type) + "' is not a supported stored type";
        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        var definition = KnownTypes.MetadataName(named);
        if (named.IsGenericType)
        {
            if (ListTypes.Contains(definition))
            {
                var element = Element(named.TypeArguments[0], context, out reason);
                return element is null ? null : new ValueTypeSpec(ValueKind.List, name, name, false, false, null, element, CollectionShape.List, null);
            }

            if (SetTypes.Contains(definition))
            {
                // DynamoDB sets (SS, NS, BS) cannot hold null, so a set of nullable elements could not be written.
                var element = Classify(named.TypeArguments[0], context, out _);
                if (element is { IsNullable: false, Kind: ValueKind.String or ValueKind.Number or ValueKind.Bytes })
                {
                    return new ValueTypeSpec(ValueKind.Set, name, name, false, false, null, element, CollectionShape.None, null);
                }

                reason = "set elements must be non-nullable strings, numbers or byte[] (DynamoDB SS/NS/BS), not '" + Display(named.TypeArguments[0]) + "'";
                return null;
            }

            if (DictionaryTypes.Contains(definition))
            {
                if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
                {
                    reason = "map keys must be strings, not '" + Display(named.TypeArguments[0]) + "'";
                    return null;
                }

                var element = Element(named.TypeArguments[1], context, out reason);
                return element is null ? null : new ValueTypeSpec(ValueKind.Dictionary, name, name, false, false, null, element, CollectionShape.None, null);
            }

            return null;
        }

        if (IsMappableObject(named))
        {
            var suffix = ObjectReader.Register(named, name, context, out reason);
            return suffix is null ? null : Simple(ValueKind.Object) with { HelperSuffix = suffix };
        }

        return null;
    }

    private static ValueTypeSpec? Element(ITypeSymbol element, MappingContext context, out string reason)
    {
        var spec = Classify(element, context, out reason);
        if (spec is null)
        {
            reason = "element type '" + Display(element) + "': " + reason;
        }

        return spec;
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString();

    private static bool IsMappableObject(INamedTypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Struct
        && !type.IsAbstract
        && !type.IsStatic
        && type.SpecialType == SpecialType.None
        && type.ContainingNamespace is { } ns
        && !IsLibraryNamespace(ns.ToDisplayString());

    /// <summary>
    /// Framework, AWS SDK and Tenancy runtime types (a TenantPlacement, a TenantScope) are never mapped as user
    /// objects: their shape belongs to a library version, and tenant context must come from the scope, not an item.
    /// </summary>
    private static bool IsLibraryNamespace(string ns) =>
        ns is "System" or "Microsoft" or "Amazon" or "Tenancy.Isolation" or "Tenancy.Isolation.Repositories" or "Tenancy.Isolation.Encryption"
        || ns.StartsWith("System.", System.StringComparison.Ordinal)
        || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal)
        || ns.StartsWith("Amazon.", System.StringComparison.Ordinal)
        || ns.StartsWith("Tenancy.Isolation.Repositories.", System.StringComparison.Ordinal)
        || ns.StartsWith("Tenancy.Isolation.Encryption.", System.StringComparison.Ordinal);

    private static string RegisterEnum(INamedTypeSymbol type, string name, MappingContext context)
    {
        var suffix = context.SuffixFor(name, type.Name);
        if (!context.Enums.ContainsKey(suffix))
        {
            var seen = new HashSet<object?>();
            var members = type.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue && seen.Add(f.ConstantValue))
                .Select(f => f.Name)
                .ToEquatableArray();
            var underlying = type.EnumUnderlyingType?.ToDisplayString(KnownTypes.Emit) ?? "int";
            context.Enums[suffix] = new EnumSpec(name, suffix, underlying, members);
        }

        return suffix;
    }
}
