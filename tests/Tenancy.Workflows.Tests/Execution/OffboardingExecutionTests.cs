using Tenancy.Local.Emulator.Services.Kms;

namespace Tenancy.Workflows.Tests.Execution;

/// <summary>The real offboarding definition, executed by aws-local-stepfunctions against onboarded tenants.</summary>
public sealed class OffboardingExecutionTests
{
    [Fact]
    public async Task Offboarding_a_silo_tenant_leaves_no_resource_and_shreds_its_key()
    {
        var cloud = await WorkflowHarness.CreateAsync();
        Assert.True((await cloud.OnboardAsync("globex", "Premium", "admin@globex.example")).Succeeded);
        Assert.True((await cloud.OnboardAsync("acme", "Basic", "admin@acme.example")).Succeeded);
        cloud.Cognito.AddTenantUser("ops@globex.example", "globex");
        cloud.Cognito.AddTenantUser("dev@globex.example", "globex");
        cloud.Data.AddItems("globex", 2_500);
        cloud.Data.AddObjects("globex", 150);
        cloud.Data.AddItems("acme", 300);
        var keyId = cloud.Registry.Find("globex")!.Resources["kmsKeyId"]!.GetValue<string>();

        var result = await cloud.OffboardAsync("globex");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal("Deleted", cloud.Registry.Find("globex")!.Status);
        Assert.Empty(cloud.ResourcesLeft("globex"));
        Assert.True(cloud.Keys.TryGet(keyId, out var key));
        Assert.Equal(KmsKeyState.PendingDeletion, key.State);
        Assert.Equal(0, cloud.Data.ItemCount("globex"));
        Assert.Equal(0, cloud.Data.ObjectCount("globex"));
        // 2,500 items at 100 per call: the loop really paginated.
        Assert.Equal(25, result.EnteredStates.Count(s => s == "DeletePooledData"));

        // The other tenant is untouched.
        Assert.Equal(300, cloud.Data.ItemCount("acme"));
        Assert.Equal("Active", cloud.Registry.Find("acme")!.Status);
        Assert.Equal(KmsKeyState.Enabled, cloud.Keys.Resolve("alias/tenancy/acme").State);
        Assert.Equal(["admin@acme.example"], cloud.Cognito.MembersOf("tenant-acme"));
        Assert.Single(cloud.ApiGateway.KeyIdsTaggedWith("acme"));
    }

    [Fact]
    public async Task A_failed_offboarding_stays_offboarding_and_a_rerun_resumes_to_deleted()
    {
        var cloud = await WorkflowHarness.CreateAsync();
        Assert.True((await cloud.OnboardAsync("initech", "Premium", "admin@initech.example")).Succeeded);
        cloud.Data.AddItems("initech", 250);
        cloud.Faults.FailState("DeleteSiloTable", "DynamoDb.InternalServerErrorException", "injected");

        var failed = await cloud.OffboardAsync("initech");

        Assert.Equal("Tenancy.OffboardingFailed", failed.Error);
        Assert.Equal("Offboarding", cloud.Registry.Find("initech")!.Status);
        Assert.Equal(0, cloud.Data.ItemCount("initech"));
        Assert.Equal(["AppData-initech"], cloud.Tables.TableNames());

        cloud.Faults.ClearFaults();
        var resumed = await cloud.OffboardAsync("initech");

        Assert.True(resumed.Succeeded, $"{resumed.Error}: {resumed.Cause}");
        Assert.Equal("Deleted", cloud.Registry.Find("initech")!.Status);
        Assert.Empty(cloud.ResourcesLeft("initech"));
    }
}
