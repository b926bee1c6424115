using System.Text.Json;

namespace Tenancy.Observability.Logging;

/// <summary>
/// Writes an exception as Powertools v2 does: <c>{type, message, source, stack_trace, inner_exception}</c>.
/// Every property read is guarded: exotic exceptions whose members throw still produce a valid object.
/// </summary>
internal static class ExceptionJsonWriter
{
    // Deep inner-exception chains are cut off; the outermost levels carry the useful part.
    private const int MaxInnerDepth = 5;

    public static void Write(Utf8JsonWriter writer, Exception exception) => Write(writer, exception, depth: 0);

    private static void Write(Utf8JsonWriter writer, Exception exception, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString("type", exception.GetType().FullName ?? exception.GetType().Name);
        WriteGuarded(writer, "message", exception, static e => e.Message);
        WriteGuarded(writer, "source", exception, static e => e.Source);
        WriteGuarded(writer, "stack_trace", exception, static e => e.StackTrace);

        Exception? inner = null;
        try
        {
            inner = exception.InnerException;
        }
        catch (Exception)
        {
            // An unreadable inner exception is simply left out.
        }

        if (inner is not null && depth < MaxInnerDepth)
        {
            writer.WritePropertyName("inner_exception");
            Write(writer, inner, depth + 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteGuarded(Utf8JsonWriter writer, string name, Exception exception, Func<Exception, string?> read)
    {
        string? value;
        try
        {
            value = read(exception);
        }
        catch (Exception failure)
        {
            value = JsonValueWriter.Placeholder(failure);
        }

        if (value is not null)
        {
            writer.WritePropertyName(name);
            JsonValueWriter.WriteString(writer, value);
        }
    }
}
