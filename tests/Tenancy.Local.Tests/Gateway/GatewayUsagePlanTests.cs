using System.Net;
using System.Text.Json;
using Tenancy.Isolation;
using Tenancy.Local.Functions;
using Tenancy.Local.Gateway;
using Tenancy.Local.Run.Api;
using Tenancy.Local.Tests.Cloud;
using Tenancy.Local.Tests.Functions;
using Tenancy.Testing;

namespace Tenancy.Local.Tests.Gateway;

/// <summary>
/// The whole local path with nothing scripted: the front, the real authorizer and API bootstraps through the Runtime
/// API, and the API keys and usage plans onboarding put in the local cloud's API Gateway store. A third tenant moved
/// onto a tiny plan is throttled while another tenant is served; its key detached from the plan is refused.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class GatewayUsagePlanTests(LocalCloudFixture fixture) : IAsyncLifetime
{
    private LocalFunctionInvoker _functions = null!;
    private LocalRestApiFront _front = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _functions = ApiFunctionInvoker.Create(commonEnvironment: LocalApiEnvironment.For(fixture.Cloud));
        var api = RestApiDefinitionReader.Read(RepositoryFiles.PathOf("template.yaml"), _functions.Functions.Keys.ToList());
        Assert.Equal("AuthorizerFunction", api.AuthorizerFunction);
        _front = await LocalRestApiFront.StartAsync(api, _functions, fixture.Cloud.ApiGateway);
        _http = new HttpClient { BaseAddress = _front.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _front.DisposeAsync();
        await _functions.DisposeAsync();
    }

    [Fact]
    public async Task A_tenant_on_a_tiny_plan_gets_429_while_another_is_served_and_a_detached_key_gets_403()
    {
        var store = fixture.Cloud.ApiGateway;
        var initech = await fixture.Cloud.OnboardTenantAsync("initech", "Initech", TenantTier.Basic, TenancyModel.Pool);
        var key = store.ApiKeys.Single(k => k.CustomerId == "initech");
        var basicPlan = store.PlanOf(key.Id)!;
        store.DetachKey(basicPlan.Id, key.Id);
        var tiny = store.AddUsagePlan("tenancy-tiny", "Two requests, then one per thousand seconds", rateLimit: 0.001, burstLimit: 2, quotaLimit: null, quotaPeriod: null);
        store.AttachKey(tiny.Id, key.Id, "API_KEY");
        var initechToken = "Bearer " + fixture.Cloud.Issuer.SignIn(initech.Username, initech.Password)!.Value.AccessToken;
        var acmeToken = "Bearer " + fixture.Cloud.Issuer.SignIn(fixture.Acme.Username, fixture.Acme.Password)!.Value.AccessToken;

        var initechStatuses = new List<HttpStatusCode>();
        string? throttledBody = null;
        for (var i = 0; i < 4; i++)
        {
            using var response = await SendAsync("/me", initechToken);
            initechStatuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                throttledBody = await response.Content.ReadAsStringAsync();
            }
        }

        using var acme = await SendAsync("/me", acmeToken);
        store.DetachKey(tiny.Id, key.Id);
        using var detached = await SendAsync("/me", initechToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], initechStatuses);
        using (var problem = JsonDocument.Parse(throttledBody!))
        {
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        }

        Assert.Equal(HttpStatusCode.OK, acme.StatusCode);
        Assert.Contains("acme", await acme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, detached.StatusCode);
        Assert.Equal("ForbiddenException", detached.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await _http.SendAsync(request);
    }
}
