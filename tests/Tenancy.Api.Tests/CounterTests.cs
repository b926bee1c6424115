using System.Net;
using Tenancy.Api.Tests.Infrastructure;

namespace Tenancy.Api.Tests;

/// <summary>The warm path makes no STS or KMS call: credentials and data keys are cached per tenant (per warm Lambda environment).</summary>
[Collection(LocalApiCollection.Name)]
public sealed class CounterTests
{
    private readonly LocalApiFixture _fixture;

    public CounterTests(LocalApiFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task One_assume_role_per_tenant_and_no_kms_call_for_a_thousand_warm_requests()
    {
        var tenant = _fixture.Premium;
        var counters = _fixture.Cloud.Counters;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _fixture.Http.CreateOrderAsync(tenant, $"Warm {i}", $"warm{i}@globex.example"))["id"]!.GetValue<string>());
        }

        foreach (var id in ids)
        {
            using var warm = await _fixture.Http.SendAsync(HttpMethod.Get, $"/orders/{id}", tenant.AccessToken);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var assumeRoleBefore = _fixture.AssumeRoleCallsByApi(tenant);
        var generateBefore = counters.KmsForTenant("GenerateDataKey", tenant.Id);
        var decryptBefore = counters.KmsForTenant("Decrypt", tenant.Id);
        var stsBefore = counters.Sts("AssumeRole");

        for (var i = 0; i < 1000; i++)
        {
            var path = i % 4 == 3 ? "/orders?limit=10" : $"/orders/{ids[i % ids.Count]}";
            using var response = await _fixture.Http.SendAsync(HttpMethod.Get, path, tenant.AccessToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        if (_fixture.Api is GatewayApi gateway)
        {
            // Each Lambda environment caches its own credentials; the suite's requests come one at a time, so the
            // invoker kept reusing a single warm environment of the API function and one AssumeRole is the whole cost.
            Assert.Equal(1, gateway.WarmApiEnvironments);
        }

        Assert.Equal(1, assumeRoleBefore);
        Assert.Equal(1, _fixture.AssumeRoleCallsByApi(tenant));
        Assert.Equal(stsBefore, counters.Sts("AssumeRole"));
        Assert.Equal(decryptBefore, counters.KmsForTenant("Decrypt", tenant.Id));
        Assert.Equal(generateBefore, counters.KmsForTenant("GenerateDataKey", tenant.Id));
        Assert.True(generateBefore <= 1, $"at most one GenerateDataKey per tenant per cache window, saw {generateBefore}");
    }

    [Fact]
    public async Task Writes_share_one_data_key_per_tenant_within_the_cache_window()
    {
        // Counted around the batch only: other tests start cold APIs (environments or processes) for this tenant.
        var tenant = _fixture.Neighbour;
        var assumeRoleBefore = _fixture.AssumeRoleCallsByApi(tenant);
        var generateBefore = _fixture.Cloud.Counters.KmsForTenant("GenerateDataKey", tenant.Id);
        for (var i = 0; i < 20; i++)
        {
            await _fixture.Http.CreateOrderAsync(tenant, $"Batch {i}", $"batch{i}@initech.example");
        }

        Assert.True(_fixture.Cloud.Counters.KmsForTenant("GenerateDataKey", tenant.Id) - generateBefore <= 1);
        Assert.True(_fixture.AssumeRoleCallsByApi(tenant) - assumeRoleBefore <= 1);
        Assert.True(_fixture.AssumeRoleCallsByApi(tenant) >= 1);
    }
}
