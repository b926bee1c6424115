using System.ComponentModel;
using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>Builds <see cref="AttributeValue"/>s for generated item mappers, so the generated code stays small.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AttributeWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A DynamoDB <c>NULL</c>.</summary>
    public static AttributeValue Null() => new() { NULL = true };

    /// <summary>An <c>S</c> attribute.</summary>
    public static AttributeValue FromString(string value) => new() { S = value };

    /// <summary>A <c>BOOL</c> attribute.</summary>
    public static AttributeValue FromBoolean(bool value) => new() { BOOL = value };

    /// <summary>An <c>N</c> attribute from invariant number text.</summary>
    public static AttributeValue FromNumber(string text) => new() { N = text };

    /// <summary>A GUID as an <c>S</c> attribute in <c>D</c> format.</summary>
    public static AttributeValue FromGuid(Guid value) => new() { S = value.ToString("D") };

    /// <summary>ISO 8601 round-trip ("O"), keeping the <see cref="DateTimeKind"/>.</summary>
    public static AttributeValue FromDateTime(DateTime value) => new() { S = value.ToString("O", Invariant) };

    /// <summary>ISO 8601 round-trip ("O"), keeping the offset.</summary>
    public static AttributeValue FromDateTimeOffset(DateTimeOffset value) => new() { S = value.ToString("O", Invariant) };

    /// <summary>A duration as an invariant <c>S</c> attribute.</summary>
    public static AttributeValue FromTimeSpan(TimeSpan value) => new() { S = value.ToString("c", Invariant) };

    /// <summary>A date as <c>yyyy-MM-dd</c>, which sorts chronologically.</summary>
    public static AttributeValue FromDateOnly(DateOnly value) => new() { S = value.ToString("yyyy-MM-dd", Invariant) };

    /// <summary>A time of day as <c>HH:mm:ss.fffffff</c>, which sorts chronologically.</summary>
    public static AttributeValue FromTimeOnly(TimeOnly value) => new() { S = value.ToString("HH:mm:ss.fffffff", Invariant) };

    /// <summary>A <c>B</c> attribute over the bytes, without copying them.</summary>
    public static AttributeValue FromBytes(byte[] value) => new() { B = new MemoryStream(value, writable: false) };

    /// <summary>An <c>M</c> attribute.</summary>
    public static AttributeValue FromMap(Dictionary<string, AttributeValue> map) => new() { M = map };

    /// <summary>An <c>L</c> attribute converting each element.</summary>
    public static AttributeValue FromList<T>(List<T> values, Func<T, AttributeValue> convert)
    {
        var list = new List<AttributeValue>(values.Count);
        foreach (var value in values)
        {
            list.Add(convert(value));
        }

        return new AttributeValue { L = list };
    }

    /// <summary>An <c>L</c> attribute converting each array element.</summary>
    public static AttributeValue FromList<T>(T[] values, Func<T, AttributeValue> convert)
    {
        var list = new List<AttributeValue>(values.Length);
        foreach (var value in values)
        {
            list.Add(convert(value));
        }

        return new AttributeValue { L = list };
    }

    /// <summary>An <c>L</c> attribute converting each element of the sequence.</summary>
    public static AttributeValue FromList<T>(IEnumerable<T> values, Func<T, AttributeValue> convert)
    {
        var list = new List<AttributeValue>();
        foreach (var value in values)
        {
            list.Add(convert(value));
        }

        return new AttributeValue { L = list };
    }

    /// <summary>DynamoDB has no empty sets: an empty set is written as NULL (top-level properties omit it instead).</summary>
    public static AttributeValue FromStringSet(IEnumerable<string> values)
    {
        var set = new List<string>(values);
        return set.Count == 0 ? Null() : new AttributeValue { SS = set };
    }

    /// <summary>An <c>NS</c> attribute; an empty set is written as <c>NULL</c> because DynamoDB rejects empty sets.</summary>
    public static AttributeValue FromNumberSet<T>(IEnumerable<T> values, Func<T, string> format)
    {
        var set = new List<string>();
        foreach (var value in values)
        {
            set.Add(format(value));
        }

        return set.Count == 0 ? Null() : new AttributeValue { NS = set };
    }

    /// <summary>A <c>BS</c> attribute; an empty set is written as <c>NULL</c> because DynamoDB rejects empty sets.</summary>
    public static AttributeValue FromBinarySet(IEnumerable<byte[]> values)
    {
        var set = new List<MemoryStream>();
        foreach (var value in values)
        {
            set.Add(new MemoryStream(value, writable: false));
        }

        return set.Count == 0 ? Null() : new AttributeValue { BS = set };
    }

    /// <summary>An <c>M</c> attribute converting each value.</summary>
    public static AttributeValue FromDictionary<TValue>(IEnumerable<KeyValuePair<string, TValue>> values, Func<TValue, AttributeValue> convert)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var pair in values)
        {
            map[pair.Key] = convert(pair.Value);
        }

        return new AttributeValue { M = map };
    }
}
