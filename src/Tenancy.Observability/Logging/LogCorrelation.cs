using System.Text.Json;

namespace Tenancy.Observability.Logging;

/// <summary>
/// The <c>correlation_id</c> of the current request, carried on the asynchronous flow (set it in middleware before
/// the handler runs). <see cref="FromEvent"/> reads it from an event like Powertools' <c>CorrelationIdPath</c>.
/// </summary>
public static class LogCorrelation
{
    private static readonly AsyncLocal<string?> CurrentId = new();

    /// <summary>The correlation id of this flow, or null.</summary>
    public static string? Current
    {
        get => CurrentId.Value;
        set => CurrentId.Value = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// Evaluates an RFC 6901 JSON pointer (see <see cref="CorrelationIdPaths"/>) on the raw event and returns the
    /// string or number found there, or null when the path does not resolve. Case-sensitive, like Powertools.
    /// </summary>
    public static string? FromEvent(JsonElement eventRoot, string jsonPointer)
    {
        ArgumentNullException.ThrowIfNull(jsonPointer);
        if (jsonPointer.Length == 0 || jsonPointer[0] != '/')
        {
            return null;
        }

        var current = eventRoot;
        foreach (var rawSegment in jsonPointer[1..].Split('/'))
        {
            var segment = rawSegment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
    }
}
