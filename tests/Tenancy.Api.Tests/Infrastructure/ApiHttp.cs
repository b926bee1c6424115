using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>Small helpers for calling the API as a client would and checking its problem details.</summary>
internal static class ApiHttp
{
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, string? token, object? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (json is not null)
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        return await http.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 9457 problem with <paramref name="status"/> and returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["type"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        return problem;
    }

    public static object NewOrder(string customer = "Ada Lovelace", string email = "ada@example.com") => new
    {
        customerName = customer,
        customerEmail = email,
        lines = new[] { new { sku = "TEA-1", quantity = 2, unitPrice = 3.50m }, new { sku = "CUP-9", quantity = 1, unitPrice = 12m } },
    };

    public static async Task<JsonNode> CreateOrderAsync(this HttpClient http, TestTenant tenant, string customer = "Ada Lovelace", string email = "ada@example.com")
    {
        using var response = await http.SendAsync(HttpMethod.Post, "/orders", tenant.AccessToken, NewOrder(customer, email));
        return await response.JsonAsync(HttpStatusCode.Created);
    }
}
