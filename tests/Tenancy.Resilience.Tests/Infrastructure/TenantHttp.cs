using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Resilience.Tests.Infrastructure;

/// <summary>The API as a client calls it: bearer token, JSON bodies, orders whose customer names their tenant.</summary>
public static class TenantHttp
{
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, string token, string? json = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>An order body whose customer name starts with the tenant id, so any response can be checked for its owner.</summary>
    public static string OrderFor(LoadTenant tenant, long sequence) =>
        $$"""{"customerName":"{{tenant.Id}} customer {{sequence}}","customerEmail":"c{{sequence}}@{{tenant.Id}}.example","lines":[{"sku":"TEA-1","quantity":2,"unitPrice":3.5}]}""";

    /// <summary>Whether an order returned to <paramref name="tenant"/> is really that tenant's.</summary>
    public static bool BelongsTo(JsonNode order, LoadTenant tenant) =>
        order["customerName"]?.GetValue<string>() is { } name && name.StartsWith(tenant.Id + " customer ", StringComparison.Ordinal)
        && order["customerEmail"]?.GetValue<string>() is { } email && email.EndsWith("@" + tenant.Id + ".example", StringComparison.Ordinal);

    /// <summary>Every order id the tenant can list (all pages).</summary>
    public static async Task<List<string>> ListAllIdsAsync(this HttpClient http, LoadTenant tenant)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var path = token is null ? "/orders?limit=100" : $"/orders?limit=100&continuationToken={Uri.EscapeDataString(token)}";
            using var response = await http.SendAsync(HttpMethod.Get, path, tenant.AccessToken);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Listing {tenant} failed with {(int)response.StatusCode}: {body}");
            }

            var page = JsonNode.Parse(body)!;
            foreach (var item in page["items"]!.AsArray())
            {
                if (!BelongsTo(item!, tenant))
                {
                    throw new InvalidOperationException($"Listing {tenant} returned another tenant's order: {item!.ToJsonString()}");
                }

                ids.Add(item!["id"]!.GetValue<string>());
            }

            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        return ids;
    }
}
