using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Tenancy.Analyzers.Model;

/// <summary>
/// Which property types the generated mapper stores (kept in step with the generator's TypeClassifier): strings,
/// numbers, bool, enums, Guid, DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, decimal, byte[], nullable values, lists, sets, string-keyed maps and nested classes/records built from those.
/// </summary>
internal static class StoredTypeSupport
{
    /// <summary>Null when <paramref name="type"/> can be stored, else the reason.</summary>
    public static string? Check(ITypeSymbol type, TenancyTypes types) => Check(type, types, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    /// <summary>Types a key placeholder may have: the value becomes one key segment.</summary>
    public static bool IsKeyType(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        return type.SpecialType is SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_DateTime
            || IsSystemType(type, "Guid")
            || IsSystemType(type, "DateTimeOffset");
    }

    public static bool IsNullable(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
        || (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated);

    private static string? Check(ITypeSymbol type, TenancyTypes types, HashSet<ITypeSymbol> visiting)
    {
        if (IsScalar(type) || IsByteArray(type))
        {
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var underlying = Check(nullable.TypeArguments[0], types, visiting);
            return underlying is null ? null : "Nullable<" + nullable.TypeArguments[0].ToDisplayString() + ">: " + underlying;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.Rank == 1 ? Element(array.ElementType, types, visiting) : "multi-dimensional arrays are not supported";
        }

        if (type is not INamedTypeSymbol named)
        {
            return "'" + type.ToDisplayString() + "' is not a supported stored type";
        }

        if (IsCollection(named, "List", "IList", "IReadOnlyList", "ICollection", "IReadOnlyCollection", "IEnumerable"))
        {
            return Element(named.TypeArguments[0], types, visiting);
        }

        if (IsCollection(named, "HashSet", "ISet", "IReadOnlySet"))
        {
            var element = named.TypeArguments[0];
            return element.SpecialType == SpecialType.System_String || IsNumber(element) || IsByteArray(element)
                ? null
                : "set elements must be strings, numbers or byte[] (DynamoDB SS/NS/BS), not '" + element.ToDisplayString() + "'";
        }

        if (IsCollection(named, "Dictionary", "IDictionary", "IReadOnlyDictionary"))
        {
            return named.TypeArguments[0].SpecialType == SpecialType.System_String
                ? Element(named.TypeArguments[1], types, visiting)
                : "map keys must be strings, not '" + named.TypeArguments[0].ToDisplayString() + "'";
        }

        return Nested(named, types, visiting);
    }

    private static string? Element(ITypeSymbol element, TenancyTypes types, HashSet<ITypeSymbol> visiting)
    {
        var reason = Check(element, types, visiting);
        return reason is null ? null : "element type '" + element.ToDisplayString() + "': " + reason;
    }

    private static string? Nested(INamedTypeSymbol type, TenancyTypes types, HashSet<ITypeSymbol> visiting)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || type.IsAbstract
            || type.IsGenericType
            || type.SpecialType == SpecialType.System_Object
            || IsFrameworkType(type))
        {
            return "'" + type.ToDisplayString() + "' is not a supported stored type";
        }

        if (!visiting.Add(type))
        {
            // Already being checked further up: the generator maps recursive types with one helper per type.
            return null;
        }

        try
        {
            foreach (var property in TenantEntity.ReadStoredProperties(type, types))
            {
                var reason = Check(property.Type, types, visiting);
                if (reason is not null)
                {
                    return "nested property '" + type.Name + "." + property.Name + "': " + reason;
                }
            }

            return null;
        }
        finally
        {
            visiting.Remove(type);
        }
    }

    private static bool IsScalar(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum
        || type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Decimal
        || IsNumber(type)
        || type.SpecialType == SpecialType.System_DateTime
        || IsSystemType(type, "Guid")
        || IsSystemType(type, "DateTimeOffset")
        || IsSystemType(type, "TimeSpan")
        || IsSystemType(type, "DateOnly")
        || IsSystemType(type, "TimeOnly");

    private static bool IsNumber(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    private static bool IsByteArray(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };

    private static bool IsSystemType(ITypeSymbol type, string name) =>
        type.Name == name && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    private static bool IsCollection(INamedTypeSymbol type, params string[] names)
    {
        if (!type.IsGenericType || type.ContainingNamespace?.ToDisplayString() != "System.Collections.Generic")
        {
            return false;
        }

        foreach (var name in names)
        {
            if (type.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        var root = type.ContainingNamespace;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root is { Name: "System" or "Microsoft" or "Amazon" };
    }
}
