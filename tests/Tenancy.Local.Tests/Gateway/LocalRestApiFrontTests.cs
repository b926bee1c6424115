using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tenancy.Local.Emulator.Services.ApiGateway;
using Tenancy.Local.Functions;
using Tenancy.Local.Gateway;
using Tenancy.Local.Run.Api;
using Tenancy.Local.Tests.Cloud;
using Tenancy.Local.Tests.Functions;
using Tenancy.Testing;

namespace Tenancy.Local.Tests.Gateway;

/// <summary>
/// The local API Gateway front with the real API bootstrap behind it (Lambda Runtime API, local cloud): authorizer
/// caching, gateway responses, per-key usage plans and the proxy event the API receives.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class LocalRestApiFrontTests(LocalCloudFixture fixture) : IAsyncLifetime
{
    private const string UnknownKeyToken = "Bearer unknown-key";
    private const string DisabledKeyToken = "Bearer disabled-key";

    private LocalFunctionInvoker _functions = null!;
    private ScriptedAuthorizer _authorizer = null!;
    private LocalRestApiFront _front = null!;
    private HttpClient _http = null!;
    private string _acmeToken = null!;
    private string _globexToken = null!;
    private LocalUsagePlan _tinyPlan = null!;
    private LocalApiKey _acmeKey = null!;

    public async Task InitializeAsync()
    {
        _functions = ApiFunctionInvoker.Create(commonEnvironment: LocalApiEnvironment.For(fixture.Cloud));
        _authorizer = new ScriptedAuthorizer(_functions);
        _acmeToken = "Bearer " + fixture.Cloud.Issuer.SignIn(fixture.Acme.Username, fixture.Acme.Password)!.Value.AccessToken;
        _globexToken = "Bearer " + fixture.Cloud.Issuer.SignIn(fixture.Globex.Username, fixture.Globex.Password)!.Value.AccessToken;

        // Keys and plans in the local cloud's API Gateway store, as onboarding creates them (each test its own).
        var store = fixture.Cloud.ApiGateway;
        _tinyPlan = store.AddUsagePlan("tiny-" + Guid.NewGuid().ToString("N"), null, rateLimit: 0.001, burstLimit: 3, quotaLimit: null, quotaPeriod: null);
        var roomyPlan = store.AddUsagePlan("roomy-" + Guid.NewGuid().ToString("N"), null, rateLimit: 100, burstLimit: 100, quotaLimit: 1000, quotaPeriod: "DAY");
        _acmeKey = NewKey(enabled: true);
        var globexKey = NewKey(enabled: true);
        store.AttachKey(_tinyPlan.Id, _acmeKey.Id, "API_KEY");
        store.AttachKey(roomyPlan.Id, globexKey.Id, "API_KEY");
        var disabledKey = NewKey(enabled: false);
        store.AttachKey(roomyPlan.Id, disabledKey.Id, "API_KEY");

        _authorizer.Allow(_acmeToken, "acme-user", "acme", _acmeKey.Value);
        _authorizer.Allow(_globexToken, "globex-user", "globex", globexKey.Value);
        _authorizer.Allow(UnknownKeyToken, "someone", "acme", "an-api-key-no-store-has-issued");
        _authorizer.Allow(DisabledKeyToken, "someone", "acme", disabledKey.Value);
        _authorizer.Deny("Bearer denied");

        var api = RestApiDefinitionReader.Read(RepositoryFiles.PathOf("template.yaml"), [.. _functions.Functions.Keys, ScriptedAuthorizer.FunctionName]);
        // The template's own responses, plus the problem+json throttling answer the deployed API declares.
        api = api with
        {
            GatewayResponses = new Dictionary<string, GatewayResponse>(api.GatewayResponses)
            {
                ["THROTTLED"] = new(429, new Dictionary<string, string> { ["Content-Type"] = "application/problem+json" }, """{"type":"about:blank","title":"Too Many Requests","status":429}"""),
            },
        };
        _front = await LocalRestApiFront.StartAsync(api, _authorizer, store);
        _http = new HttpClient { BaseAddress = _front.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _front.DisposeAsync();
        await _functions.DisposeAsync();
    }

    [Fact]
    public async Task A_tenant_request_passes_the_authorizer_once_and_reaches_the_API_function()
    {
        using var first = await SendAsync("/me", _globexToken);
        using var second = await SendAsync("/me", _globexToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var me = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Contains("globex", me.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, _authorizer.Invocations);
        // The template's AuthorizerCacheSeconds default.
        Assert.Equal(300, (int)_front.Api.AuthorizerTtl.TotalSeconds);
        var authorizerEvent = _authorizer.Events.Single();
        Assert.Equal("REQUEST", authorizerEvent.GetProperty("type").GetString());
        Assert.Equal("arn:aws:execute-api:us-east-1:000000000000:tenancylcl/prod/GET/me", authorizerEvent.GetProperty("methodArn").GetString());
        Assert.False(string.IsNullOrEmpty(first.Headers.GetValues("x-amzn-RequestId").Single()));
    }

    [Fact]
    public async Task One_tenant_over_its_usage_plan_is_throttled_while_another_is_served()
    {
        var acme = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await SendAsync("/health", _acmeToken);
            acme.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
            }
        }

        using var globex = await SendAsync("/health", _globexToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], acme);
        Assert.Equal(HttpStatusCode.OK, globex.StatusCode);
    }

    [Fact]
    public async Task Refusals_use_the_template_gateway_responses()
    {
        using var missing = await SendAsync("/me", authorization: null);
        using var unauthorized = await SendAsync("/me", "Bearer not-a-token");
        using var denied = await SendAsync("/me", "Bearer denied");
        using var root = await SendAsync("/", _globexToken);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"title\":\"Unauthorized\"", await unauthorized.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("\"title\":\"Forbidden\"", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, root.StatusCode);
        Assert.Contains("Missing Authentication Token", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The missing header is refused before the authorizer; the others each ran it once.
        Assert.Equal(2, _authorizer.Invocations);
    }

    [Fact]
    public async Task The_API_function_gets_a_REST_proxy_event_and_its_response_is_written_back()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders?trace=1&trace=2");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(_globexToken);
        request.Content = new StringContent("""{"customerName":"Hank Scorpio","customerEmail":"hank@globex.example","lines":[{"sku":"HAMMOCK","quantity":1,"unitPrice":99.5}]}""", System.Text.Encoding.UTF8, "application/json");
        using var created = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var order = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = order.RootElement.GetProperty("id").GetString();
        using var fetched = await SendAsync($"/orders/{id}", _globexToken);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Contains("Hank Scorpio", await fetched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_detached_from_its_plan_or_unknown_or_disabled_is_forbidden()
    {
        using var before = await SendAsync("/health", _acmeToken);
        fixture.Cloud.ApiGateway.DetachKey(_tinyPlan.Id, _acmeKey.Id);
        using var detached = await SendAsync("/health", _acmeToken);
        using var unknown = await SendAsync("/health", UnknownKeyToken);
        using var disabled = await SendAsync("/health", DisabledKeyToken);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        foreach (var refused in new[] { detached, unknown, disabled })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("ForbiddenException", refused.Headers.GetValues("x-amzn-ErrorType").Single());
        }
    }

    private LocalApiKey NewKey(bool enabled) =>
        fixture.Cloud.ApiGateway.CreateApiKey("front-test", null, null, enabled, value: null, new Dictionary<string, string>(StringComparer.Ordinal), DateTimeOffset.UtcNow);

    private async Task<HttpResponseMessage> SendAsync(string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await _http.SendAsync(request);
    }
}
