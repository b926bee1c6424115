using Tenancy.Generators.Model;

namespace Tenancy.Generators.Emitting;

/// <summary>C# expressions converting one value to and from an AttributeValue, recursively for collections.</summary>
internal static class ValueConversions
{
    /// <summary>An AttributeValue expression for the non-null value <paramref name="value"/> of <paramref name="type"/>.</summary>
    public static string Write(ValueTypeSpec type, string value, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
                return $"{Names.Writer}.FromString({value})";
            case ValueKind.Boolean:
                return $"{Names.Writer}.FromBoolean({value})";
            case ValueKind.Number:
                return $"{Names.Writer}.FromNumber({Names.NumberText}.Of({value}))";
            case ValueKind.Guid:
            case ValueKind.DateTime:
            case ValueKind.DateTimeOffset:
            case ValueKind.TimeSpan:
            case ValueKind.DateOnly:
            case ValueKind.TimeOnly:
                return $"{Names.Writer}.From{type.Kind}({value})";
            case ValueKind.Bytes:
                return $"{Names.Writer}.FromBytes({value})";
            case ValueKind.Enum:
                return $"{Names.Writer}.FromString(Format{type.HelperSuffix}({value}))";
            case ValueKind.Object:
                return $"{Names.Writer}.FromMap(ToMap{type.HelperSuffix}({value}))";
            case ValueKind.List:
                var element = type.Element!;
                return $"{Names.Writer}.FromList<{element.TypeName}>({value}, static e{depth} => {WriteElement(element, "e" + depth, depth + 1)})";
            case ValueKind.Dictionary:
                var entry = type.Element!;
                return $"{Names.Writer}.FromDictionary<{entry.TypeName}>({value}, static e{depth} => {WriteElement(entry, "e" + depth, depth + 1)})";
            case ValueKind.Set:
                var member = type.Element!;
                return member.Kind switch
                {
                    ValueKind.String => $"{Names.Writer}.FromStringSet({value})",
                    ValueKind.Bytes => $"{Names.Writer}.FromBinarySet({value})",
                    _ => $"{Names.Writer}.FromNumberSet<{member.TypeName}>({value}, static e{depth} => {Names.NumberText}.Of(e{depth}))",
                };
            default:
                throw new System.ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown value kind.");
        }
    }

    /// <summary>A value expression reading the non-NULL AttributeValue <paramref name="attribute"/> as non-nullable <paramref name="type"/>.</summary>
    public static string Read(ValueTypeSpec type, string attribute, string name, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
            case ValueKind.Boolean:
            case ValueKind.Guid:
            case ValueKind.DateTime:
            case ValueKind.DateTimeOffset:
            case ValueKind.TimeSpan:
            case ValueKind.DateOnly:
            case ValueKind.TimeOnly:
                return $"{Names.Reader}.To{type.Kind}({attribute}, {name})";
            case ValueKind.Number:
                return $"{Names.Reader}.ToNumber({attribute}, {name}, {Names.NumberText}.To{type.NumberName})";
            case ValueKind.Bytes:
                return $"{Names.Reader}.ToBytes({attribute}, {name})";
            case ValueKind.Enum:
                return $"Parse{type.HelperSuffix}({Names.Reader}.ToString({attribute}, {name}), {name})";
            case ValueKind.Object:
                return $"FromMap{type.HelperSuffix}({Names.Reader}.ToMap({attribute}, {name}))";
            case ValueKind.List:
                var element = type.Element!;
                var method = type.Shape == CollectionShape.Array ? "ToArray" : "ToList";
                return $"{Names.Reader}.{method}<{element.TypeName}>({attribute}, {name}, static (e{depth}, n{depth}) => {ReadElement(element, "e" + depth, "n" + depth, depth + 1)})";
            case ValueKind.Dictionary:
                var entry = type.Element!;
                return $"{Names.Reader}.ToDictionary<{entry.TypeName}>({attribute}, {name}, static (e{depth}, n{depth}) => {ReadElement(entry, "e" + depth, "n" + depth, depth + 1)})";
            case ValueKind.Set:
                var member = type.Element!;
                return member.Kind switch
                {
                    ValueKind.String => $"{Names.Reader}.ToStringSet({attribute}, {name})",
                    ValueKind.Bytes => $"{Names.Reader}.ToBinarySet({attribute}, {name})",
                    _ => $"{Names.Reader}.ToNumberSet<{member.TypeName}>({attribute}, {name}, {Names.NumberText}.To{member.NumberName})",
                };
            default:
                throw new System.ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown value kind.");
        }
    }

    /// <summary>An empty value for a non-nullable collection whose attribute is absent.</summary>
    public static string? EmptyCollection(ValueTypeSpec type) => type.Kind switch
    {
        ValueKind.List when type.Shape == CollectionShape.Array => $"global::System.Array.Empty<{type.Element!.TypeName}>()",
        ValueKind.List => $"new global::System.Collections.Generic.List<{type.Element!.TypeName}>()",
        ValueKind.Set => $"new global::System.Collections.Generic.HashSet<{type.Element!.TypeName}>()",
        ValueKind.Dictionary => $"new global::System.Collections.Generic.Dictionary<string, {type.Element!.TypeName}>()",
        _ => null,
    };

    private static string WriteElement(ValueTypeSpec type, string value, int depth) =>
        type.IsNullable
            ? $"{value} is {{ }} x{depth} ? {Write(type.AsNonNullable(), "x" + depth, depth)} : {Names.Writer}.Null()"
            : Write(type, value, depth);

    private static string ReadElement(ValueTypeSpec type, string attribute, string name, int depth) =>
        type.IsNullable
            ? $"{Names.Reader}.IsNull({attribute}) ? ({type.TypeName})null : {Read(type.AsNonNullable(), attribute, name, depth)}"
            : Read(type, attribute, name, depth);
}
