using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Tenancy.Lambda.Hosting.Features;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>
/// Writes the API Gateway response event straight from the response features with <see cref="Utf8JsonWriter"/>.
/// REST (1.0): every header under <c>multiValueHeaders</c>. HTTP API (2.0): <c>Set-Cookie</c> under <c>cookies</c>, other
/// headers comma-joined under <c>headers</c>. No Content-Type is written when the app set none (API Gateway then
/// applies its default) instead of the original's <c>null</c>.
/// </summary>
internal sealed class ApiGatewayResponseWriter(LambdaEventSource eventSource, ResponseEncodingSelector encodings)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Same relaxed escaping as Lambda's own serializer: the response is JSON for API Gateway, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public ReadOnlyMemory<byte> Write(LambdaHttpFeatures features)
    {
        var body = features.ResponseBuffer.Written;
        var encoding = encodings.Select(features.ResponseHeaders, body);
        var buffer = new ArrayBufferWriter<byte>(512 + (encoding == ResponseBodyEncoding.Base64 ? body.Length * 4 / 3 + 4 : body.Length + body.Length / 8));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", features.StatusCode == 0 ? StatusCodes.Status200OK : features.StatusCode);
            if (eventSource == LambdaEventSource.RestApi)
            {
                WriteMultiValueHeaders(writer, features.ResponseHeaders);
            }
            else
            {
                WriteHttpApiHeaders(writer, features.ResponseHeaders);
            }

            if (encoding == ResponseBodyEncoding.Base64)
            {
                writer.WriteBase64String("body", body);
            }
            else
            {
                writer.WriteString("body", body);
            }

            writer.WriteBoolean("isBase64Encoded", encoding == ResponseBodyEncoding.Base64);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void WriteMultiValueHeaders(Utf8JsonWriter writer, IHeaderDictionary headers)
    {
        writer.WriteStartObject("multiValueHeaders");
        foreach (var (name, values) in headers)
        {
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteHttpApiHeaders(Utf8JsonWriter writer, IHeaderDictionary headers)
    {
        writer.WriteStartObject("headers");
        foreach (var (name, values) in headers)
        {
            if (!name.Equals(HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                writer.WriteString(name, values.Count == 1 ? values[0] : string.Join(',', values.ToArray()));
            }
        }

        writer.WriteEndObject();
        if (headers.TryGetValue(HeaderNames.SetCookie, out var cookies) && cookies.Count > 0)
        {
            writer.WriteStartArray("cookies");
            foreach (var cookie in cookies)
            {
                writer.WriteStringValue(cookie);
            }

            writer.WriteEndArray();
        }
    }
}
