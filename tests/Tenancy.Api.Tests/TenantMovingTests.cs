using System.Net;
using Amazon.DynamoDBv2.Model;
using Tenancy.Api.Tests.Infrastructure;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;

namespace Tenancy.Api.Tests;

/// <summary>
/// While a tier change freezes a tenant in the registry, the API refuses its writes with 503 <c>tenant-moving</c> and
/// <c>Retry-After</c>, writes nothing, and keeps serving its reads. A cold API (new Lambda environments behind a new
/// front, or a new process) is used so the shared one never caches the freeze in its registry cache.
/// </summary>
[Collection(LocalApiCollection.Name)]
public sealed class TenantMovingTests(LocalApiFixture fixture)
{
    [Fact]
    public async Task A_frozen_tenant_gets_503_tenant_moving_for_writes_and_its_reads_served()
    {
        var tenant = fixture.Neighbour;
        await SetFreezeAsync(tenant, frozen: true);
        try
        {
            await using var cold = await fixture.StartColdApiAsync();
            using var coldHttp = new HttpClient { BaseAddress = cold.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var write = await coldHttp.SendAsync(HttpMethod.Post, "/orders", tenant.AccessToken, ApiHttp.NewOrder("Grace Hopper", "grace@example.com"));
            var problem = await write.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("https://tenancy.dev/problems/tenant-moving", problem["type"]!.GetValue<string>());
            Assert.Equal(TimeSpan.FromSeconds(30), write.Headers.RetryAfter?.Delta);

            using var read = await coldHttp.SendAsync(HttpMethod.Get, "/orders", tenant.AccessToken);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.DoesNotContain("Grace Hopper", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await SetFreezeAsync(tenant, frozen: false);
        }
    }

    private Task SetFreezeAsync(TestTenant tenant, bool frozen)
    {
        var change = TenantRegistryItemCodec.EncodeTierChange(new TenantTierChange("change-test", TenancyModel.Silo, $"{tenant.TableName}-{tenant.Id}", DateTimeOffset.UtcNow));
        var names = change.Keys.Select((name, i) => (name, i)).ToDictionary(p => $"#c{p.i}", p => p.name);
        var request = new UpdateItemRequest
        {
            TableName = fixture.Cloud.TenantRegistryTableName,
            Key = TenantRegistryItemCodec.Key(TenantId.Parse(tenant.Id)),
            ExpressionAttributeNames = names,
            UpdateExpression = frozen
                ? "SET " + string.Join(", ", names.Select(n => $"{n.Key} = :{n.Key[1..]}"))
                : "REMOVE " + string.Join(", ", names.Keys),
            ExpressionAttributeValues = frozen ? names.ToDictionary(n => $":{n.Key[1..]}", n => change[n.Value]) : null,
        };
        return fixture.AdminDynamoDb.UpdateItemAsync(request);
    }
}
