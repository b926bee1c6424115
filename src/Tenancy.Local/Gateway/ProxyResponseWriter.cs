using System.Text;
using System.Text.Json;

namespace Tenancy.Local.Gateway;

/// <summary>
/// Writes a Lambda proxy response (<c>statusCode</c>, <c>headers</c>, <c>multiValueHeaders</c>, <c>body</c>,
/// <c>isBase64Encoded</c>) back to the client as API Gateway does; a malformed one is API Gateway's 502.
/// </summary>
public static class ProxyResponseWriter
{
    public static async Task<bool> TryWriteAsync(HttpResponse response, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        int status;
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        byte[] body;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out var code) || !code.TryGetInt32(out status) || status is < 100 or > 599)
            {
                return false;
            }

            if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in single.EnumerateObject())
                {
                    headers[header.Name] = [Text(header.Value)];
                }
            }

            // multiValueHeaders win over headers of the same name, as in API Gateway.
            if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in multi.EnumerateObject().Where(h => h.Value.ValueKind == JsonValueKind.Array))
                {
                    headers[header.Name] = header.Value.EnumerateArray().Select(Text).ToList();
                }
            }

            var text = root.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : string.Empty;
            var isBase64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
            body = isBase64 ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return false;
        }

        response.StatusCode = status;
        foreach (var (name, values) in headers)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers.Append(name, values.ToArray());
            }
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
