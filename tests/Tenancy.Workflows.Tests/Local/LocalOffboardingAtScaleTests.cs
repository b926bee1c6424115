using System.Diagnostics;
using System.Text.Json.Nodes;
using Tenancy.Isolation;
using Tenancy.Local.Emulator.Services.Kms;
using Tenancy.Local.Emulator.Services.StepFunctions;
using Xunit.Abstractions;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>
/// Offboarding a pooled tenant with thousands of items: the real deletion function pages through the tenant shard
/// index in DynamoDB Local, and raw reads afterwards find none of the tenant's items and every neighbour item unchanged.
/// </summary>
public sealed class LocalOffboardingAtScaleTests : IClassFixture<LocalWorkflowFixture>
{
    private const int OffboardedItems = 2_500;
    private const int NeighbourItems = 400;
    private readonly LocalWorkflowFixture _fixture;
    private readonly ITestOutputHelper _output;

    public LocalOffboardingAtScaleTests(LocalWorkflowFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task Offboarding_a_pooled_tenant_with_thousands_of_items_leaves_none_of_them_and_every_neighbour_item()
    {
        var cloud = _fixture.Cloud;
        // The neighbour's id starts with the offboarded one's: a prefix match on keys would take its items too.
        await OnboardAsync("lbig");
        await OnboardAsync("lbig2");
        await PooledTenantItems.WriteOrdersAsync(cloud, "lbig", OffboardedItems);
        await PooledTenantItems.WriteOrdersAsync(cloud, "lbig2", NeighbourItems);
        await TenantObjectsInCloud.PutAsync(cloud, "lbig", 40);
        await TenantObjectsInCloud.PutAsync(cloud, "lbig2", 5);
        var neighbourItems = await PooledTenantItems.ReadAsync(cloud, "lbig2");
        var neighbourObjects = await TenantObjectsInCloud.KeysAsync(cloud, "lbig2");
        Assert.Equal(OffboardedItems, (await PooledTenantItems.ReadAsync(cloud, "lbig")).Count);
        Assert.Equal(NeighbourItems, neighbourItems.Count);
        Assert.Equal(40, (await TenantObjectsInCloud.KeysAsync(cloud, "lbig")).Count);
        var keyId = cloud.KmsKeys.Resolve("alias/tenancy/lbig").KeyId;

        var watch = Stopwatch.StartNew();
        var result = await _fixture.Workflows.RunAsync(
            "OffboardingStateMachine", new JsonObject { ["tenantId"] = "lbig" }, $"offboard-lbig-{Guid.NewGuid():N}", StateMachineRunOptions.Fast);
        watch.Stop();
        _output.WriteLine($"Offboarding {OffboardedItems} pooled items and 40 objects took {watch.Elapsed.TotalSeconds:0.0} s ({result.EnteredStates.Count(s => s == "DeletePooledData")} DeletePooledData calls).");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Empty(await PooledTenantItems.ReadAsync(cloud, "lbig"));
        Assert.Equal(neighbourItems, await PooledTenantItems.ReadAsync(cloud, "lbig2"));
        Assert.Empty(await TenantObjectsInCloud.KeysAsync(cloud, "lbig"));
        Assert.Equal(neighbourObjects, await TenantObjectsInCloud.KeysAsync(cloud, "lbig2"));
        Assert.True(cloud.KmsKeys.TryGet(keyId, out var key));
        Assert.Equal(KmsKeyState.PendingDeletion, key.State);
        Assert.Equal(TenantStatus.Deleted, (await _fixture.RegistrationAsync("lbig")).Status);
        Assert.Empty(await TenantResourcesInCloud.LeftAsync(cloud, "lbig"));
        Assert.Equal(TenantStatus.Active, (await _fixture.RegistrationAsync("lbig2")).Status);
        Assert.Equal(KmsKeyState.Enabled, cloud.KmsKeys.Resolve("alias/tenancy/lbig2").State);
    }

    private async Task OnboardAsync(string tenantId)
    {
        var result = await _fixture.Workflows.RunAsync(
            "OnboardingStateMachine",
            new JsonObject { ["tenantId"] = tenantId, ["name"] = $"{tenantId} Inc.", ["tier"] = "Basic", ["adminEmail"] = $"admin@{tenantId}.example" },
            $"onboard-{tenantId}-{Guid.NewGuid():N}",
            StateMachineRunOptions.Fast);
        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
    }
}
