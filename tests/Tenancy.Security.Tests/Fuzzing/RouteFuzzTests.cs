using System.Globalization;
using System.Text;
using CsCheck;
using Tenancy.Security.Tests.Infrastructure;

namespace Tenancy.Security.Tests.Fuzzing;

/// <summary>
/// Every route with generated malformed bodies, headers, paths and query strings: never a 5xx, every 4xx a problem,
/// no write acknowledged, the process alive, and the tenant's partition exactly as before.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class RouteFuzzTests
{
    private const int Requests = 400;

    private static readonly string[] Bodies =
    [
        "", "{", "}", "[]", "null", "true", "0", "\"str\"", "{\"customerName\":", "{\"customerName\":null}",
        "{\"customerName\":\"A\",\"customerEmail\":\"a@b.example\",\"lines\":[{\"sku\":\"X\",\"quantity\":1e999,\"unitPrice\":1}]}",
        "{\"customerName\":\"A\",\"customerEmail\":\"a@b.example\",\"lines\":[{\"sku\":\"X\",\"quantity\":-1,\"unitPrice\":1}]}",
        "{\"customerName\":\"A\",\"customerEmail\":\"a@b.example\",\"lines\":{}}",
        "{\"customerName\":\"A\",\"customerEmail\":\"a@b.example\",\"lines\":[],\"tenantId\":\"initech\"}",
        "{\"customerName\":\"\\u0000\",\"customerEmail\":\"a@b.example\",\"lines\":[null]}",
        "{\"status\":\"Shipped\",\"status\":\"Delivered\"}", "{\"status\":42}", "{\"status\":\"\"}", "{\"status\":\"cancelled\\u0000\"}",
        "{\"version\":\"1\"}", "{\"version\":9223372036854775808}", "{\"__proto__\":{}}", "\uFEFF{}",
        "{\"customerName\":\"A\",\"customerEmail\":\"a@b.example\",\"lines\":[{\"sku\":\"X\",\"quantity\":1,\"unitPrice\":1}],\"id\":\"../x\"}",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "application/problem+json",
        "application/json; charset=\"", "multipart/form-data; boundary=x", "*/*", "application/json\u0000",
    ];

    private static readonly string[] Headers =
    [
        "X-Tenant-Id", "X-Forwarded-For", "X-Amzn-Trace-Id", "X-HTTP-Method-Override", "Accept", "Accept-Encoding", "Content-Encoding",
        "Range", "If-Match", "X-Amz-Security-Token", "Cookie", "Origin", "tenant", "X-Api-Key", "Forwarded",
    ];

    private readonly SecurityFixture _fixture;

    public RouteFuzzTests(SecurityFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Malformed_requests_on_every_route_are_4xx_problems_and_write_nothing()
    {
        var tenant = _fixture.Fuzzed;
        var before = Snapshot(await _fixture.ItemsOfAsync(tenant));
        var orderId = _fixture.VictimOrderIds[tenant.Id][0];
        var statuses = new Dictionary<int, int>();

        var gen = Gen.Select(Gen.Int[0, 8], Gen.Int[0, 5], Gen.Int[0, 1_000_000], Gen.String[Gen.Char[' ', '~'], 0, 40], (route, mutation, salt, noise) => (route, mutation, salt, noise));
        await gen.SampleAsync(async x =>
        {
            // A DELETE of the real id would be a well-formed request: it always gets a mangled one.
            var (method, path, bodyAllowed) = Route(x.route, x.salt % 2 == 0 && x.route != 6 ? orderId : Mangle(orderId, x.salt, x.noise));
            using var request = new HttpRequestMessage(method, Query(path, x.mutation, x.salt, x.noise));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + tenant.AccessToken);
            if (x.mutation == 1)
            {
                request.Headers.TryAddWithoutValidation(Headers[x.salt % Headers.Length], x.noise);
            }

            var body = x.mutation == 2 ? x.noise : Bodies[x.salt % Bodies.Length];
            if (bodyAllowed || x.mutation == 3)
            {
                request.Content = new ByteArrayContent(x.mutation == 4 ? [0xC3, 0x28, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(body)] : Encoding.UTF8.GetBytes(body));
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentTypes[(x.salt / 7) % ContentTypes.Length]);
            }

            using var response = await _fixture.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            lock (statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }

            Assert.True(status < 500, $"{method} {request.RequestUri} [{x}] → {status}: {text}");
            if (status >= 400 && !ApiCalls.IsProtocolRejection(request, response, text))
            {
                Assert.True(await ApiCalls.IsProblemAsync(response), $"{method} {request.RequestUri} → {status} is not a problem: {text}");
            }
            else if (status < 400)
            {
                // Only reads may succeed: every body here is malformed or the wrong shape for its route.
                Assert.True(method == HttpMethod.Get, $"{method} {request.RequestUri} [{x}] was accepted: {status} {text}");
            }
        }, iter: Requests, threads: 1);

        Assert.True(_fixture.ApiAlive(), "the API process died");
        using (var health = await _fixture.Http.GetAsync(new Uri("/health", UriKind.Relative)))
        {
            Assert.True(health.IsSuccessStatusCode);
        }

        Assert.Equal(before, Snapshot(await _fixture.ItemsOfAsync(tenant)));
        Assert.DoesNotContain(statuses.Keys, s => s >= 500);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "route-fuzz.md"), string.Join("\n", statuses.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}\t{s.Value}"))));
    }

    private static (HttpMethod Method, string Path, bool Body) Route(int route, string id) => route switch
    {
        0 => (HttpMethod.Get, "/health", false),
        1 => (HttpMethod.Get, "/me", false),
        2 => (HttpMethod.Get, "/orders", false),
        3 => (HttpMethod.Post, "/orders", true),
        4 => (HttpMethod.Get, $"/orders/{id}", false),
        5 => (HttpMethod.Put, $"/orders/{id}", true),
        6 => (HttpMethod.Delete, $"/orders/{id}", false),
        7 => (HttpMethod.Post, $"/orders/{id}/status", true),
        _ => (new HttpMethod("PATCH"), $"/orders/{id}", true),
    };

    private static string Mangle(string id, int salt, string noise) => (salt / 2 % 6) switch
    {
        0 => Uri.EscapeDataString(noise.Length == 0 ? "x" : noise),
        1 => id + "%2F..%2F..",
        2 => new string('a', 1 + (salt % 3000)),
        3 => "%00" + id,
        4 => id.ToUpperInvariant() + "%20",
        _ => "%E2%80%AE" + id,
    };

    private static string Query(string path, int mutation, int salt, string noise) => mutation switch
    {
        5 => (salt % 6) switch
        {
            0 => path + "?limit=" + Uri.EscapeDataString(noise),
            1 => path + "?limit=1&limit=2",
            2 => path + "?continuationToken=" + Uri.EscapeDataString(noise),
            3 => path + "?continuationToken=" + new string('A', 4096),
            4 => path + "?limit=-1&continuationToken=%FF%FE",
            _ => path + "?" + Uri.EscapeDataString(noise) + "=" + Uri.EscapeDataString(noise),
        },
        _ => path,
    };

    private static string Snapshot(List<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> items) =>
        string.Join(";", items.Select(i => string.Join(",", i.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.S ?? p.Value.N}"))).Order(StringComparer.Ordinal));
}
