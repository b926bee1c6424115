using System.Net;
using Tenancy.Api.Tests.Infrastructure;

namespace Tenancy.Api.Tests;

/// <summary>
/// The suite's requests take the AWS path: API Gateway (the template's authorizer, its cache per Authorization value,
/// the tenant's own API key in its tier's usage plan), then the API function. In the Kestrel debugging mode the API
/// answers directly instead, with nothing of the gateway on its responses.
/// </summary>
[Collection(LocalApiCollection.Name)]
public sealed class GatewayPathTests(LocalApiFixture fixture)
{
    [Fact]
    public async Task Requests_pass_the_authorizer_once_per_token_and_reach_the_API_function()
    {
        var tenant = fixture.Premium;
        using var first = await fixture.Http.SendAsync(HttpMethod.Get, "/me", tenant.AccessToken);
        var authorizerRunsAfterFirst = (fixture.Api as GatewayApi)?.AuthorizerInvocations;
        using var second = await fixture.Http.SendAsync(HttpMethod.Get, "/me", tenant.AccessToken);
        using var third = await fixture.Http.SendAsync(HttpMethod.Get, "/orders?limit=1", tenant.AccessToken);

        foreach (var response in new[] { first, second, third })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(tenant.Id, (await first.JsonAsync(HttpStatusCode.OK))["tenantId"]!.GetValue<string>());
        if (fixture.Api is GatewayApi gateway)
        {
            var requestIds = new[] { first, second, third }.Select(r => r.Headers.GetValues("x-amzn-RequestId").Single()).ToList();
            Assert.Equal(3, requestIds.Distinct(StringComparer.Ordinal).Count());
            // The token's decision is cached (the template's ReauthorizeEvery), so later requests skip the authorizer.
            Assert.True(authorizerRunsAfterFirst >= 1);
            Assert.Equal(authorizerRunsAfterFirst, gateway.AuthorizerInvocations);
        }
        else
        {
            Assert.False(first.Headers.Contains("x-amzn-RequestId"), "Kestrel mode must reach the API with no gateway in front.");
        }
    }

    [Fact]
    public void Every_onboarded_tenant_has_its_own_API_key_in_its_tiers_usage_plan()
    {
        var store = fixture.Cloud.ApiGateway;
        var tenants = new[] { fixture.Basic, fixture.Premium, fixture.Neighbour, fixture.Shredded, fixture.Suspended };
        var keys = tenants.Select(t => store.ApiKeys.Single(k => k.CustomerId == t.Id)).ToList();

        Assert.Equal(tenants.Length, keys.Select(k => k.Value).Distinct(StringComparer.Ordinal).Count());
        foreach (var (tenant, key) in tenants.Zip(keys))
        {
            Assert.True(key.Enabled, $"{tenant}: key disabled");
            var plan = store.PlanOf(key.Id);
            Assert.True(plan is not null, $"{tenant}: key in no usage plan");
            Assert.EndsWith("-" + tenant.Onboarded.Tier.ToString(), plan.Name, StringComparison.OrdinalIgnoreCase);
        }
    }
}
