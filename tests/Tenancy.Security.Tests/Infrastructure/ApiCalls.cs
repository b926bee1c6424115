using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Security.Tests.Infrastructure;

/// <summary>Calls the API as a client would, and reads its answers as problem details.</summary>
public static class ApiCalls
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? token, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        return await http.SendAsync(request);
    }

    public static string Order(string customer, string email) => new JsonObject
    {
        ["customerName"] = customer,
        ["customerEmail"] = email,
        ["lines"] = new JsonArray(new JsonObject { ["sku"] = "TEA-1", ["quantity"] = 2, ["unitPrice"] = 3.5m }),
    }.ToJsonString();

    /// <summary>
    /// Kestrel refuses a request whose header values hold control or non-ASCII characters, or whose path decodes to
    /// a NUL, at the protocol level, before any middleware runs, with a bare 400. Only such requests may get a 4xx
    /// that is not a problem.
    /// </summary>
    public static bool IsProtocolRejection(HttpRequestMessage request, HttpResponseMessage response, string body) =>
        response.StatusCode == System.Net.HttpStatusCode.BadRequest && body.Length == 0
        && (request.RequestUri?.OriginalString.Contains("%00", StringComparison.Ordinal) == true
            || request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .SelectMany(h => h.Value).Any(IsUnsafeHeaderValue));

    public static bool IsUnsafeHeaderValue(string value) => value.Any(c => char.IsControl(c) || c > '~');

    /// <summary>Whether the response is an RFC 9457 problem (content type and a matching status member).</summary>
    public static async Task<bool> IsProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType is not MediaTypeHeaderValue { MediaType: "application/problem+json" })
        {
            return false;
        }

        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(body)?["status"]?.GetValue<int>() == (int)response.StatusCode
                && !body.Contains("   at ", StringComparison.Ordinal);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
