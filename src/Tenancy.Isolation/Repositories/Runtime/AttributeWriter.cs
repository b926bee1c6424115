using System.ComponentModel;
using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>Builds <see cref="AttributeValue"/>s for generated item mappers, so the generated code stays small.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AttributeWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static AttributeValue Null() => new() { NULL = true };

    public static AttributeValue FromString(string value) => new() { S = value };

    public static AttributeValue FromBoolean(bool value) => new() { BOOL = value };

    public static AttributeValue FromNumber(string text) => new() { N = text };

    public static AttributeValue FromGuid(Guid value) => new() { S = value.ToString("D") };

    /// <summary>ISO 8601 round-trip ("O"), keeping the <see cref="DateTimeKind"/>.</summary>
    public static AttributeValue FromDateTime(DateTime value) => new() { S = value.ToString("O", Invariant) };

    /// <summary>ISO 8601 round-trip ("O"), keeping the offset.</summary>
    public static AttributeValue FromDateTimeOffset(DateTimeOffset value) => new() { S = value.ToString("O", Invariant) };

    public static AttributeValue FromTimeSpan(TimeSpan value) => new() { S = value.ToString("c", Invariant) };

    public static AttributeValue FromDateOnly(DateOnly value) => new() { S = value.ToString("yyyy-MM-dd", Invariant) };

    public static AttributeValue FromTimeOnly(TimeOnly value) => new() { S = value.ToString("HH:mm:ss.fffffff", Invariant) };

    public static AttributeValue FromBytes(byte[] value) => new() { B = new MemoryStream(value, writable: false) };

    public static AttributeValue FromMap(Dictionary<string, AttributeValue> map) => new() { M = map };

    public static AttributeValue FromList<T>(List<T> values, Func<T, AttributeValue> convert)
    {
        var list = new List<AttributeValue>(values.Count);
        foreach (var value in values)
        {
            list.Add(convert(value));
        }

        return new AttributeValue { L = list };
    }

    public static AttributeValue FromList<T>(T[] values, Func<T, AttributeValue> convert)
    {
        var list = new List<AttributeValue>(values.Length);
        foreach (var value in values)
        {
            list.Add(convert(value));
        }

        return new AttributeValue { L = list };
    }

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

    public static AttributeValue FromNumberSet<T>(IEnumerable<T> values, Func<T, string> format)
    {
        var set = new List<string>();
        foreach (var value in values)
        {
            set.Add(format(value));
        }

        return set.Count == 0 ? Null() : new AttributeValue { NS = set };
    }

    public static AttributeValue FromBinarySet(IEnumerable<byte[]> values)
    {
        var set = new List<MemoryStream>();
        foreach (var value in values)
        {
            set.Add(new MemoryStream(value, writable: false));
        }

        return set.Count == 0 ? Null() : new AttributeValue { BS = set };
    }

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
