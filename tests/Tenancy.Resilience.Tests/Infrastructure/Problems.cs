using System.Net;
using System.Text.Json.Nodes;

namespace Tenancy.Resilience.Tests.Infrastructure;

/// <summary>Checks an RFC 9457 problem response: status, <c>type</c>, and no internals in the body.</summary>
public static class Problems
{
    public const string Base = "https://tenancy.dev/problems/";

    public static async Task AssertAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Base + type, JsonNode.Parse(body)!["type"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
