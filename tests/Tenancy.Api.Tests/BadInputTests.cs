using System.Net;
using System.Text;
using Tenancy.Api.Tests.Infrastructure;

namespace Tenancy.Api.Tests;

/// <summary>Malformed, oversized or invalid input gets a 4xx problem, never a 500 or a stack trace.</summary>
[Collection(LocalApiCollection.Name)]
public sealed class BadInputTests
{
    private readonly LocalApiFixture _fixture;

    public BadInputTests(LocalApiFixture fixture) => _fixture = fixture;

    private string Token => _fixture.Basic.AccessToken;

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"customerName\": 42, \"customerEmail\": \"a@b.example\", \"lines\": []}")]
    [InlineData("{\"customerName\": \"A\", \"customerEmail\": \"a@b.example\", \"lines\": [{\"sku\": \"X\", \"quantity\": \"many\", \"unitPrice\": 1}]}")]
    [InlineData("{\"customerName\": \"A\", \"surprise\": true}")]
    public async Task Malformed_json_is_400(string body)
    {
        using var response = await _fixture.Http.SendAsync(HttpMethod.Post, "/orders", Token, body);
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Missing_body_is_400()
    {
        using var response = await _fixture.Http.SendAsync(HttpMethod.Post, "/orders", Token, configure: r => r.Content = new StringContent(string.Empty, Encoding.UTF8, "application/json"));
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Field_errors_are_listed()
    {
        var order = new { customerName = "", customerEmail = "not-an-email", lines = new[] { new { sku = "bad sku!", quantity = 0, unitPrice = -1m } } };
        using var response = await _fixture.Http.SendAsync(HttpMethod.Post, "/orders", Token, order);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "customerName", "customerEmail", "lines[0].sku", "lines[0].quantity", "lines[0].unitPrice" })
        {
            Assert.True(errors.ContainsKey(field), $"missing error for {field}: {problem.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Oversized_body_is_413_with_or_without_content_length()
    {
        var huge = "{\"customerName\":\"" + new string('x', 64 * 1024) + "\"}";
        using (var declared = await _fixture.Http.SendAsync(HttpMethod.Post, "/orders", Token, huge))
        {
            await declared.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        }

        using var chunked = await _fixture.Http.SendAsync(HttpMethod.Post, "/orders", Token, configure: r =>
        {
            r.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
            r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            r.Headers.TransferEncodingChunked = true;
        });
        await chunked.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var response = await _fixture.Http.SendAsync(HttpMethod.Post, "/orders", Token, configure: r => r.Content = new StringContent("customerName=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("ORDER%23x")]
    [InlineData("..%2F..%2Fx")]
    [InlineData("%E2%80%8B0123456789abcdef0123456789abcde")]
    public async Task Invalid_ids_are_400_on_every_route(string id)
    {
        var routes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/orders/{id}", null),
            (HttpMethod.Delete, $"/orders/{id}", null),
            (HttpMethod.Post, $"/orders/{id}/status", new { status = "Confirmed" }),
            (HttpMethod.Put, $"/orders/{id}", new { customerName = "A", customerEmail = "a@b.example", lines = new[] { new { sku = "X", quantity = 1, unitPrice = 1m } }, version = 1 }),
        };
        foreach (var (method, path, body) in routes)
        {
            using var response = await _fixture.Http.SendAsync(method, path, Token, body);
            var status = (int)response.StatusCode;
            Assert.True(status is 400 or 404, $"{method} {path}: {status}");
            await response.ProblemAsync(response.StatusCode);
        }
    }

    [Theory]
    [InlineData("/orders?limit=0")]
    [InlineData("/orders?limit=101")]
    [InlineData("/orders?limit=abc")]
    public async Task Invalid_paging_is_400(string path)
    {
        using var response = await _fixture.Http.SendAsync(HttpMethod.Get, path, Token);
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_too()
    {
        using (var missing = await _fixture.Http.SendAsync(HttpMethod.Get, "/nowhere", Token))
        {
            await missing.ProblemAsync(HttpStatusCode.NotFound);
        }

        using var wrongMethod = await _fixture.Http.SendAsync(HttpMethod.Patch, "/orders", Token);
        await wrongMethod.ProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Malformed_if_match_is_400()
    {
        var id = (await _fixture.Http.CreateOrderAsync(_fixture.Basic))["id"]!.GetValue<string>();
        using var response = await _fixture.Http.SendAsync(HttpMethod.Put, $"/orders/{id}", Token, ApiHttp.NewOrder(), r => r.Headers.TryAddWithoutValidation("If-Match", "\"abc\""));
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
