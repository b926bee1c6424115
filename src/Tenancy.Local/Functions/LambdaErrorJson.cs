using System.Buffers;
using System.Text.Json;

namespace Tenancy.Local.Functions;

/// <summary>Lambda's error body <c>{"errorType","errorMessage"}</c>, and reading the type back out of a runtime's error payload.</summary>
public static class LambdaErrorJson
{
    public static byte[] Create(string errorType, string errorMessage)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", errorType);
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The <c>errorType</c> of an error payload, or null when the payload is not such an object.</summary>
    public static string? ErrorTypeOf(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("errorType", out var type)
                   && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
