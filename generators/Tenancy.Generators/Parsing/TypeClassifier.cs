using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tenancy.Generators.Model;

namespace Tenancy.Generators.Parsing;

/// <summary>Decides how a property type is stored; null means unsupported (the declaration is skipped).</summary>
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

    public static ValueTypeSpec? Classify(ITypeSymbol type, MappingContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var underlying = ClassifyNonNullable(nullable.TypeArguments[0], context);
            return underlying is null ? null : underlying with { IsNullable = true, TypeName = type.ToDisplayString(KnownTypes.Emit) };
        }

        var spec = ClassifyNonNullable(type, context);
        if (spec is null || type.IsValueType || type.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            return spec;
        }

        return spec with { IsNullable = true, TypeName = spec.NonNullTypeName + "?" };
    }

    private static ValueTypeSpec? ClassifyNonNullable(ITypeSymbol type, MappingContext context)
    {
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
                return null;
            }

            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return Simple(ValueKind.Bytes);
            }

            var element = Classify(array.ElementType, context);
            return element is null ? null : new ValueTypeSpec(ValueKind.List, name, name, false, false, null, element, CollectionShape.Array, null);
        }

        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            return Simple(ValueKind.Enum) with { HelperSuffix = RegisterEnum(enumType, name, context) };
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        var definition = KnownTypes.MetadataName(named);
        if (named.IsGenericType)
        {
            if (ListTypes.Contains(definition))
            {
                var element = Classify(named.TypeArguments[0], context);
                return element is null ? null : new ValueTypeSpec(ValueKind.List, name, name, false, false, null, element, CollectionShape.List, null);
            }

            if (SetTypes.Contains(definition))
            {
                var element = Classify(named.TypeArguments[0], context);
                return element is { IsNullable: false, Kind: ValueKind.String or ValueKind.Number or ValueKind.Bytes }
                    ? new ValueTypeSpec(ValueKind.Set, name, name, false, false, null, element, CollectionShape.None, null)
                    : null;
            }

            if (DictionaryTypes.Contains(definition) && named.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                var element = Classify(named.TypeArguments[1], context);
                return element is null ? null : new ValueTypeSpec(ValueKind.Dictionary, name, name, false, false, null, element, CollectionShape.None, null);
            }

            return null;
        }

        if (IsMappableObject(named))
        {
            var suffix = ObjectBuilder.Register(named, name, context);
            return suffix is null ? null : Simple(ValueKind.Object) with { HelperSuffix = suffix };
        }

        return null;
    }

    private static bool IsMappableObject(INamedTypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Struct
        && !type.IsAbstract
        && !type.IsStatic
        && type.SpecialType == SpecialType.None
        && type.ContainingNamespace is { } ns
        && !IsLibraryNamespace(ns.ToDisplayString());

    /// <summary>Framework, AWS SDK and Tenancy runtime types are never mapped as user objects.</summary>
    private static bool IsLibraryNamespace(string ns) =>
        ns is "System" or "Amazon" or "Tenancy.Isolation" or "Tenancy.Isolation.Repositories" or "Tenancy.Isolation.Encryption"
        || ns.StartsWith("System.", System.StringComparison.Ordinal)
        || ns.StartsWith("Amazon.", System.StringComparison.Ordinal)
        || ns.StartsWith("Tenancy.Isolation.Repositories.", System.StringComparison.Ordinal);

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
