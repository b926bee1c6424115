using System.ComponentModel;
using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Reads <see cref="AttributeValue"/>s for generated item mappers. A value of the wrong DynamoDB type or unparsable
/// text throws <see cref="ItemMappingException"/> naming the attribute; nothing is silently defaulted.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AttributeReader
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The attribute, or null when it is absent or stored as NULL.</summary>
    public static AttributeValue? Optional(Dictionary<string, AttributeValue> map, string name) =>
        map.TryGetValue(name, out var value) && value is not null && value.NULL != true ? value : null;

    /// <summary>The attribute <paramref name="name"/> of the item; throws <see cref="ItemMappingException"/> when it is missing.</summary>
    public static AttributeValue Required(Dictionary<string, AttributeValue> map, string name) =>
        Optional(map, name) ?? throw new ItemMappingException($"The stored item has no value for the required attribute '{name}'.");

    /// <summary>Whether the attribute is absent or DynamoDB <c>NULL</c>.</summary>
    public static bool IsNull(AttributeValue? value) => value is null || value.NULL == true;

    /// <summary>The string of an <c>S</c> attribute.</summary>
    public static string ToString(AttributeValue value, string name) => value.S ?? throw WrongType(name, "S");

    /// <summary>The value of a <c>BOOL</c> attribute.</summary>
    public static bool ToBoolean(AttributeValue value, string name) => value.BOOL ?? throw WrongType(name, "BOOL");

    /// <summary>Parses an <c>N</c> attribute with <paramref name="parse"/>, reporting unparsable text as an <see cref="ItemMappingException"/>.</summary>
    public static T ToNumber<T>(AttributeValue value, string name, Func<string, T> parse)
    {
        var text = value.N ?? throw WrongType(name, "N");
        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new ItemMappingException($"Attribute '{name}' holds '{text}', which is not a valid {typeof(T).Name}.", ex);
        }
    }

    /// <summary>A GUID stored as an <c>S</c> attribute.</summary>
    public static Guid ToGuid(AttributeValue value, string name) =>
        Guid.TryParseExact(ToString(value, name), "D", out var result) ? result : throw Unparsable(name, "Guid");

    /// <summary>A UTC date and time stored as a round-trip <c>S</c> attribute.</summary>
    public static DateTime ToDateTime(AttributeValue value, string name) =>
        DateTime.TryParseExact(ToString(value, name), "O", Invariant, DateTimeStyles.RoundtripKind, out var result) ? result : throw Unparsable(name, "DateTime");

    /// <summary>A date, time and offset stored as a round-trip <c>S</c> attribute.</summary>
    public static DateTimeOffset ToDateTimeOffset(AttributeValue value, string name) =>
        DateTimeOffset.TryParseExact(ToString(value, name), "O", Invariant, DateTimeStyles.RoundtripKind, out var result) ? result : throw Unparsable(name, "DateTimeOffset");

    /// <summary>A duration stored as an invariant <c>S</c> attribute.</summary>
    public static TimeSpan ToTimeSpan(AttributeValue value, string name) =>
        TimeSpan.TryParseExact(ToString(value, name), "c", Invariant, out var result) ? result : throw Unparsable(name, "TimeSpan");

    /// <summary>A date stored as <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly ToDateOnly(AttributeValue value, string name) =>
        DateOnly.TryParseExact(ToString(value, name), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var result) ? result : throw Unparsable(name, "DateOnly");

    /// <summary>A time of day stored as <c>HH:mm:ss.fffffff</c>.</summary>
    public static TimeOnly ToTimeOnly(AttributeValue value, string name) =>
        TimeOnly.TryParseExact(ToString(value, name), "HH:mm:ss.fffffff", Invariant, DateTimeStyles.None, out var result) ? result : throw Unparsable(name, "TimeOnly");

    /// <summary>A copy of the bytes of a <c>B</c> attribute.</summary>
    public static byte[] ToBytes(AttributeValue value, string name) => (value.B ?? throw WrongType(name, "B")).ToArray();

    /// <summary>The attributes of an <c>M</c> attribute.</summary>
    public static Dictionary<string, AttributeValue> ToMap(AttributeValue value, string name) => value.M ?? throw WrongType(name, "M");

    /// <summary>An <c>L</c> attribute converted element by element.</summary>
    public static List<T> ToList<T>(AttributeValue value, string name, Func<AttributeValue, string, T> convert)
    {
        var source = value.L ?? throw WrongType(name, "L");
        var list = new List<T>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            list.Add(convert(source[i], name));
        }

        return list;
    }

    /// <summary>An <c>L</c> attribute converted element by element, as an array.</summary>
    public static T[] ToArray<T>(AttributeValue value, string name, Func<AttributeValue, string, T> convert)
    {
        var source = value.L ?? throw WrongType(name, "L");
        var array = new T[source.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = convert(source[i], name);
        }

        return array;
    }

    /// <summary>Reads SS; NULL (how an empty set nested in a collection is written) reads as an empty set.</summary>
    public static HashSet<string> ToStringSet(AttributeValue value, string name) =>
        IsNull(value) ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(value.SS ?? throw WrongType(name, "SS"), StringComparer.Ordinal);

    /// <summary>An <c>NS</c> attribute parsed element by element.</summary>
    public static HashSet<T> ToNumberSet<T>(AttributeValue value, string name, Func<string, T> parse)
    {
        var set = new HashSet<T>();
        if (IsNull(value))
        {
            return set;
        }

        foreach (var text in value.NS ?? throw WrongType(name, "NS"))
        {
            try
            {
                set.Add(parse(text));
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                throw new ItemMappingException($"Attribute '{name}' holds '{text}', which is not a valid {typeof(T).Name}.", ex);
            }
        }

        return set;
    }

    /// <summary>A <c>BS</c> attribute as a set compared by content.</summary>
    public static HashSet<byte[]> ToBinarySet(AttributeValue value, string name)
    {
        var set = new HashSet<byte[]>();
        if (IsNull(value))
        {
            return set;
        }

        foreach (var stream in value.BS ?? throw WrongType(name, "BS"))
        {
            set.Add(stream.ToArray());
        }

        return set;
    }

    /// <summary>An <c>M</c> attribute converted value by value.</summary>
    public static Dictionary<string, TValue> ToDictionary<TValue>(AttributeValue value, string name, Func<AttributeValue, string, TValue> convert)
    {
        var source = value.M ?? throw WrongType(name, "M");
        var dictionary = new Dictionary<string, TValue>(source.Count, StringComparer.Ordinal);
        foreach (var pair in source)
        {
            dictionary[pair.Key] = convert(pair.Value, name);
        }

        return dictionary;
    }

    /// <summary>The exception for an attribute whose text isn't a valid <paramref name="typeName"/>.</summary>
    public static ItemMappingException Unparsable(string name, string typeName) =>
        new($"Attribute '{name}' does not hold a valid {typeName}.");

    private static ItemMappingException WrongType(string name, string expected) =>
        new($"Attribute '{name}' is not of DynamoDB type {expected}.");
}
