using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tenancy.Lambda.Runtime;

/// <summary>
/// The body of <c>/error</c> and <c>/init/error</c>: <c>{"errorMessage","errorType","stackTrace":[…]}</c>. The error type
/// is also sent as the <c>Lambda-Runtime-Function-Error-Type</c> header.
/// </summary>
public sealed record LambdaErrorPayload(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    // Error text is read by people in logs and consoles, never embedded in HTML: keep quotes and accents readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The platform keeps <c>Runtime.*</c>/<c>Function.*</c> categories; handler exceptions use the exception's type name.</summary>
    public static LambdaErrorPayload FromException(Exception exception, string? errorType = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lines = exception.StackTrace is { Length: > 0 } trace
            ? trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        return new LambdaErrorPayload(errorType ?? exception.GetType().Name, exception.Message, lines);
    }

    /// <summary>Serializes the payload as the Runtime API expects it, with readable (not HTML-escaped) text.</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", ErrorMessage);
            writer.WriteString("errorType", ErrorType);
            writer.WriteStartArray("stackTrace");
            foreach (var line in StackTrace)
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
