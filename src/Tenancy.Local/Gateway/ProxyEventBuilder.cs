using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Tenancy.Local.Gateway;

/// <summary>
/// Builds what API Gateway sends a Lambda for a request: the REST (v1) proxy event with single- and multi-value
/// headers and query, <c>pathParameters.proxy</c>, the stage, and in <c>requestContext</c> the request id, the
/// caller identity (source IP, user agent, API key) and the authorizer's principal and context; and the REQUEST
/// authorizer event (headers, query, method ARN).
/// </summary>
public static class ProxyEventBuilder
{
    public static async Task<byte[]> ProxyEventAsync(HttpRequest request, RestApiDefinition api, string requestId, AuthorizerDecision? authorizer, string? apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(api);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        var path = request.Path.Value ?? "/";
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("resource", "/{proxy+}");
            writer.WriteString("path", path);
            writer.WriteString("httpMethod", request.Method);
            WriteHeaders(writer, request.Headers);
            WriteQuery(writer, request.Query);
            writer.WriteStartObject("pathParameters");
            writer.WriteString("proxy", path.TrimStart('/'));
            writer.WriteEndObject();
            writer.WriteNull("stageVariables");
            WriteRequestContext(writer, request, api, requestId, authorizer, apiKey);
            WriteBody(writer, body.ToArray(), request.ContentType);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] AuthorizerEvent(HttpRequest request, RestApiDefinition api, string requestId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(api);
        var path = request.Path.Value ?? "/";
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "REQUEST");
            writer.WriteString("methodArn", api.MethodArn(request.Method, path));
            writer.WriteString("resource", "/{proxy+}");
            writer.WriteString("path", path);
            writer.WriteString("httpMethod", request.Method);
            WriteHeaders(writer, request.Headers);
            WriteQuery(writer, request.Query);
            writer.WriteStartObject("pathParameters");
            writer.WriteString("proxy", path.TrimStart('/'));
            writer.WriteEndObject();
            writer.WriteStartObject("stageVariables");
            writer.WriteEndObject();
            WriteRequestContext(writer, request, api, requestId, null, null);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteHeaders(Utf8JsonWriter writer, IHeaderDictionary headers)
    {
        // API Gateway gives the last value of a repeated header in "headers" and every value in "multiValueHeaders".
        writer.WriteStartObject("headers");
        foreach (var (name, values) in headers)
        {
            writer.WriteString(name, values.Count > 0 ? values[^1] : string.Empty);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("multiValueHeaders");
        foreach (var (name, values) in headers)
        {
            WriteValues(writer, name, values);
        }

        writer.WriteEndObject();
    }

    private static void WriteQuery(Utf8JsonWriter writer, IQueryCollection query)
    {
        if (query.Count == 0)
        {
            writer.WriteNull("queryStringParameters");
            writer.WriteNull("multiValueQueryStringParameters");
            return;
        }

        writer.WriteStartObject("queryStringParameters");
        foreach (var (name, values) in query)
        {
            writer.WriteString(name, values.Count > 0 ? values[^1] : string.Empty);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("multiValueQueryStringParameters");
        foreach (var (name, values) in query)
        {
            WriteValues(writer, name, values);
        }

        writer.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter writer, string name, StringValues values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteRequestContext(Utf8JsonWriter writer, HttpRequest request, RestApiDefinition api, string requestId, AuthorizerDecision? authorizer, string? apiKey)
    {
        var now = DateTimeOffset.UtcNow;
        var host = request.Host.Value ?? "127.0.0.1";
        writer.WriteStartObject("requestContext");
        writer.WriteString("resourceId", "proxy0");
        writer.WriteString("resourcePath", "/{proxy+}");
        writer.WriteString("httpMethod", request.Method);
        writer.WriteString("extendedRequestId", requestId);
        writer.WriteString("requestTime", now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
        writer.WriteString("path", $"/{api.StageName}{request.Path.Value}");
        writer.WriteString("accountId", Emulator.LocalAccount.Id);
        writer.WriteString("protocol", request.Protocol);
        writer.WriteString("stage", api.StageName);
        writer.WriteString("domainPrefix", host.Split(':')[0]);
        writer.WriteNumber("requestTimeEpoch", now.ToUnixTimeMilliseconds());
        writer.WriteString("requestId", requestId);
        writer.WriteStartObject("identity");
        writer.WriteString("sourceIp", request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1");
        writer.WriteString("userAgent", request.Headers.UserAgent.ToString());
        if (apiKey is null)
        {
            writer.WriteNull("apiKey");
            writer.WriteNull("apiKeyId");
        }
        else
        {
            writer.WriteString("apiKey", apiKey);
            writer.WriteString("apiKeyId", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..10]);
        }

        writer.WriteEndObject();
        writer.WriteString("domainName", host);
        writer.WriteString("apiId", RestApiDefinition.LocalApiId);
        if (authorizer is not null)
        {
            writer.WriteStartObject("authorizer");
            writer.WriteString("principalId", authorizer.PrincipalId);
            foreach (var (name, value) in authorizer.Context)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteNumber("integrationLatency", 0);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    // A REST API passes text bodies as they are; other bodies go base64 (the template's binary media types are */*).
    private static void WriteBody(Utf8JsonWriter writer, byte[] body, string? contentType)
    {
        if (body.Length == 0)
        {
            writer.WriteNull("body");
            writer.WriteBoolean("isBase64Encoded", false);
            return;
        }

        var isText = contentType is null
                     || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                     || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
                     || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
                     || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (isText && IsUtf8(body))
        {
            writer.WriteString("body", Encoding.UTF8.GetString(body));
            writer.WriteBoolean("isBase64Encoded", false);
        }
        else
        {
            writer.WriteString("body", Convert.ToBase64String(body));
            writer.WriteBoolean("isBase64Encoded", true);
        }
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
