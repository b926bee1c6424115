using System.Diagnostics;
using System.Text.Json.Nodes;
using Tenancy.Isolation;
using Tenancy.Local.Emulator.Services.Kms;
using Tenancy.Local.Emulator.Services.StepFunctions;
using Xunit.Abstractions;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>
/// Offboarding a pooled tenant with thousands of items: the real deletion function pages through the tenant shard
/// index in DynamoDB Local, and raw reads afterwards find none of the tenant's items and every neighbour item unchanged;
/// in the versioned bucket, none of the tenant's object versions or delete markers and every neighbour version.
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
        // Rewritten objects keep their old versions and deleted ones keep theirs behind a delete marker.
        await TenantObjectsInCloud.PutAsync(cloud, "lbig", 40);
        await TenantObjectsInCloud.PutAsync(cloud, "lbig", 12, revision: 1);
        await TenantObjectsInCloud.DeleteAsync(cloud, "lbig", 6);
        await TenantObjectsInCloud.PutAsync(cloud, "lbig2", 5);
        await TenantObjectsInCloud.PutAsync(cloud, "lbig2", 3, revision: 1);
        await TenantObjectsInCloud.DeleteAsync(cloud, "lbig2", 2);
        var neighbourItems = await PooledTenantItems.ReadAsync(cloud, "lbig2");
        var neighbourObjects = await TenantObjectsInCloud.KeysAsync(cloud, "lbig2");
        var neighbourVersions = await TenantObjectsInCloud.VersionsAsync(cloud, "lbig2");
        Assert.Equal(OffboardedItems, (await PooledTenantItems.ReadAsync(cloud, "lbig")).Count);
        Assert.Equal(NeighbourItems, neighbourItems.Count);
        Assert.Equal(34, (await TenantObjectsInCloud.KeysAsync(cloud, "lbig")).Count);
        var versions = await TenantObjectsInCloud.VersionsAsync(cloud, "lbig");
        Assert.Equal(52, versions.Count(v => !v.EndsWith("(marker)", StringComparison.Ordinal)));
        Assert.Equal(6, versions.Count(v => v.EndsWith("(marker)", StringComparison.Ordinal)));
        Assert.Equal(10, neighbourVersions.Count);
        var keyId = cloud.KmsKeys.Resolve("alias/tenancy/lbig").KeyId;

        var watch = Stopwatch.StartNew();
        var result = await _fixture.Workflows.RunAsync(
            "OffboardingStateMachine", new JsonObject { ["tenantId"] = "lbig" }, $"offboard-lbig-{Guid.NewGuid():N}", StateMachineRunOptions.Fast);
        watch.Stop();
        _output.WriteLine($"Offboarding {OffboardedItems} pooled items and 58 object versions took {watch.Elapsed.TotalSeconds:0.0} s ({result.EnteredStates.Count(s => s == "DeletePooledData")} DeletePooledData calls).");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Empty(await PooledTenantItems.ReadAsync(cloud, "lbig"));
        Assert.Equal(neighbourItems, await PooledTenantItems.ReadAsync(cloud, "lbig2"));
        Assert.Empty(await TenantObjectsInCloud.KeysAsync(cloud, "lbig"));
        Assert.Empty(await TenantObjectsInCloud.VersionsAsync(cloud, "lbig"));
        Assert.Equal(neighbourObjects, await TenantObjectsInCloud.KeysAsync(cloud, "lbig2"));
        Assert.Equal(neighbourVersions, await TenantObjectsInCloud.VersionsAsync(cloud, "lbig2"));
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
