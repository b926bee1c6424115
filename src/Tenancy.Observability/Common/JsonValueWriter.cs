using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tenancy.Observability;

/// <summary>
/// Writes an arbitrary value as JSON by a type switch: no reflection and no serializer, so it is trimming- and
/// AOT-safe by construction. Never throws because of the value: a failing <c>ToString</c> or enumerator becomes a
/// placeholder string, invalid UTF-16 is replaced, cycles and huge collections are cut off.
/// </summary>
internal static class JsonValueWriter
{
    public const int MaxDepth = 6;
    public const int MaxItems = 256;

    public static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        WritePropertyName(writer, name);
        WriteValue(writer, value, depth: 0);
    }

    public static void WritePropertyName(Utf8JsonWriter writer, string name)
    {
        try
        {
            writer.WritePropertyName(name);
        }
        catch (ArgumentException)
        {
            // Lone surrogates: the writer rejects them before writing anything, so the sanitised name can follow.
            writer.WritePropertyName(Encoding.UTF8.GetBytes(name));
        }
    }

    public static void WriteString(Utf8JsonWriter writer, string value)
    {
        try
        {
            writer.WriteStringValue(value);
        }
        catch (ArgumentException)
        {
            writer.WriteStringValue(Encoding.UTF8.GetBytes(value));
        }
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                WriteString(writer, text);
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case int number:
                writer.WriteNumberValue(number);
                return;
            case long number:
                writer.WriteNumberValue(number);
                return;
            case short number:
                writer.WriteNumberValue(number);
                return;
            case byte number:
                writer.WriteNumberValue(number);
                return;
            case sbyte number:
                writer.WriteNumberValue(number);
                return;
            case ushort number:
                writer.WriteNumberValue(number);
                return;
            case uint number:
                writer.WriteNumberValue(number);
                return;
            case ulong number:
                writer.WriteNumberValue(number);
                return;
            case double number:
                WriteFloatingPoint(writer, number);
                return;
            case float number:
                WriteFloatingPoint(writer, number);
                return;
            case decimal number:
                writer.WriteNumberValue(number);
                return;
            case DateTime instant:
                writer.WriteStringValue(instant);
                return;
            case DateTimeOffset instant:
                writer.WriteStringValue(instant);
                return;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("O", CultureInfo.InvariantCulture));
                return;
            case TimeOnly time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                return;
            case TimeSpan span:
                writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                return;
            case Guid id:
                writer.WriteStringValue(id);
                return;
            case char character:
                WriteString(writer, character.ToString());
                return;
            case Enum enumeration:
                WriteString(writer, SafeToString(enumeration));
                return;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                return;
        }

        if (depth >= MaxDepth)
        {
            WriteString(writer, SafeToString(value));
            return;
        }

        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                WriteObject(writer, pairs, depth);
                return;
            case IEnumerable<KeyValuePair<string, string>> stringPairs:
                WriteObject(writer, stringPairs, depth);
                return;
            case IDictionary dictionary:
                WriteDictionary(writer, dictionary, depth);
                return;
            case IEnumerable sequence:
                WriteArray(writer, sequence, depth);
                return;
            default:
                WriteString(writer, SafeToString(value));
                return;
        }
    }

    /// <summary><c>ToString</c> that cannot throw: failures become a placeholder naming the exception.</summary>
    public static string SafeToString(object value)
    {
        try
        {
            var text = value is IFormattable formattable
                ? formattable.ToString(format: null, CultureInfo.InvariantCulture)
                : value.ToString();
            return text ?? string.Empty;
        }
        catch (Exception exception)
        {
            return Placeholder(exception);
        }
    }

    public static string Placeholder(Exception exception) => "<" + exception.GetType().Name + " while formatting value>";

    private static void WriteFloatingPoint(Utf8JsonWriter writer, double number)
    {
        // JSON has no NaN or infinity; write them as the strings .NET prints rather than failing the line.
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteObject<TValue>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, TValue>> pairs, int depth)
    {
        writer.WriteStartObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ForEachGuarded(writer, pairs, insideObject: true, item =>
        {
            if (item.Key is not null && seen.Add(item.Key))
            {
                WritePropertyName(writer, item.Key);
                WriteValue(writer, item.Value, depth + 1);
            }
        });
        writer.WriteEndObject();
    }

    private static void WriteDictionary(Utf8JsonWriter writer, IDictionary dictionary, int depth)
    {
        writer.WriteStartObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<DictionaryEntry>();
        try
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                entries.Add(entry);
            }
        }
        catch (Exception exception)
        {
            entries.Add(new DictionaryEntry("<error>", Placeholder(exception)));
        }

        var written = 0;
        foreach (var entry in entries)
        {
            var key = SafeToString(entry.Key);
            if (!seen.Add(key))
            {
                continue;
            }

            if (++written > MaxItems)
            {
                break;
            }

            WritePropertyName(writer, key);
            WriteValue(writer, entry.Value, depth + 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable sequence, int depth)
    {
        writer.WriteStartArray();
        ForEachGuarded(writer, sequence.Cast<object?>(), insideObject: false, item => WriteValue(writer, item, depth + 1));
        writer.WriteEndArray();
    }

    /// <summary>
    /// Enumerates user collections so that an exception from <c>MoveNext</c>/<c>Current</c> ends the collection
    /// with a placeholder instead of leaving the JSON half written.
    /// </summary>
    private static void ForEachGuarded<T>(Utf8JsonWriter writer, IEnumerable<T> items, bool insideObject, Action<T> write)
    {
        IEnumerator<T>? enumerator = null;
        try
        {
            enumerator = items.GetEnumerator();
            for (var count = 0; ; count++)
            {
                T item;
                try
                {
                    if (!enumerator.MoveNext())
                    {
                        return;
                    }

                    item = enumerator.Current;
                }
                catch (Exception exception)
                {
                    WriteGuardPlaceholder(writer, Placeholder(exception), insideObject);
                    return;
                }

                if (count == MaxItems)
                {
                    WriteGuardPlaceholder(writer, "<truncated>", insideObject);
                    return;
                }

                write(item);
            }
        }
        catch (Exception exception) when (enumerator is null)
        {
            WriteGuardPlaceholder(writer, Placeholder(exception), insideObject);
        }
        finally
        {
            try
            {
                enumerator?.Dispose();
            }
            catch (Exception)
            {
                // A failing Dispose of a user enumerator must not break the line.
            }
        }
    }

    private static void WriteGuardPlaceholder(Utf8JsonWriter writer, string text, bool insideObject)
    {
        // Inside an object the placeholder needs a property name; inside an array it is just a value.
        if (insideObject)
        {
            writer.WriteString("<error>", text);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }
}
