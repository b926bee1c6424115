using System.Text.Json.Nodes;
using Amazon.KeyManagementService.Model;
using Tenancy.Isolation;
using Tenancy.Local.Emulator.Services.Kms;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>The template's offboarding state machine run against a real local cloud, crypto-shred checked through the KMS endpoint.</summary>
public sealed class LocalOffboardingTests : IClassFixture<LocalWorkflowFixture>
{
    private readonly LocalWorkflowFixture _fixture;

    public LocalOffboardingTests(LocalWorkflowFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Offboarding_removes_the_tenant_from_every_store_and_old_ciphertext_no_longer_decrypts()
    {
        Assert.True((await RunAsync("OnboardingStateMachine", "loff", new JsonObject { ["tenantId"] = "loff", ["name"] = "loff Inc.", ["tier"] = "Premium", ["adminEmail"] = "admin@loff.example" })).Succeeded);
        Assert.True((await RunAsync("OnboardingStateMachine", "lkeep", new JsonObject { ["tenantId"] = "lkeep", ["name"] = "lkeep Inc.", ["tier"] = "Basic", ["adminEmail"] = "admin@lkeep.example" })).Succeeded);
        using var kms = _fixture.Cloud.CreateKmsClient(_fixture.Cloud.AdminCredentials.ToAwsCredentials());
        var ciphertext = (await kms.EncryptAsync(new EncryptRequest { KeyId = "alias/tenancy/loff", Plaintext = new MemoryStream("secret"u8.ToArray()) })).CiphertextBlob;
        var keyId = _fixture.Cloud.KmsKeys.Resolve("alias/tenancy/loff").KeyId;

        var result = await RunAsync("OffboardingStateMachine", "loff", new JsonObject { ["tenantId"] = "loff" });

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(TenantStatus.Deleted, (await _fixture.RegistrationAsync("loff")).Status);
        Assert.Empty(await TenantResourcesInCloud.LeftAsync(_fixture.Cloud, "loff"));
        Assert.True(_fixture.Cloud.KmsKeys.TryGet(keyId, out var key));
        Assert.Equal(KmsKeyState.PendingDeletion, key.State);
        ciphertext.Position = 0;
        await Assert.ThrowsAsync<KMSInvalidStateException>(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = ciphertext }));

        Assert.Equal(TenantStatus.Active, (await _fixture.RegistrationAsync("lkeep")).Status);
        Assert.Equal(KmsKeyState.Enabled, _fixture.Cloud.KmsKeys.Resolve("alias/tenancy/lkeep").State);
        Assert.Single(_fixture.Cloud.UserPool.UsersInGroup("tenant-lkeep"));
        Assert.Single(_fixture.Cloud.ApiGateway.ApiKeys, k => k.Tags.GetValueOrDefault("TenantID") == "lkeep");
    }

    [Fact]
    public async Task A_failure_at_an_offboarding_state_leaves_the_tenant_offboarding_and_running_it_again_finishes_the_job()
    {
        Assert.True((await OnboardAsync("lresume", "Basic")).Succeeded);
        await PooledTenantItems.WriteOrdersAsync(_fixture.Cloud, "lresume", 60);
        await TenantObjectsInCloud.PutAsync(_fixture.Cloud, "lresume", 3);
        var keyId = _fixture.Cloud.KmsKeys.Resolve("alias/tenancy/lresume").KeyId;
        _fixture.Faults.FailState("DeleteTenantObjects", "States.TaskFailed", "injected at DeleteTenantObjects");
        StateMachineExecutionResult failed;
        try
        {
            failed = await RunAsync("OffboardingStateMachine", "lresume", new JsonObject { ["tenantId"] = "lresume" });
        }
        finally
        {
            _fixture.Faults.ClearFaults();
        }

        // Documented: the execution fails as OffboardingFailed, the tenant stays Offboarding (never Active again);
        // what ran before the failure is done, what comes after is untouched.
        Assert.False(failed.Succeeded);
        Assert.Equal("Tenancy.OffboardingFailed", failed.Error);
        Assert.Equal(TenantStatus.Offboarding, (await _fixture.RegistrationAsync("lresume")).Status);
        Assert.Empty(await PooledTenantItems.ReadAsync(_fixture.Cloud, "lresume"));
        Assert.Equal(3, (await TenantObjectsInCloud.KeysAsync(_fixture.Cloud, "lresume")).Count);
        Assert.Equal(KmsKeyState.Enabled, _fixture.Cloud.KmsKeys.Resolve("alias/tenancy/lresume").State);

        var resumed = await RunAsync("OffboardingStateMachine", "lresume", new JsonObject { ["tenantId"] = "lresume" });

        Assert.True(resumed.Succeeded, $"{resumed.Error}: {resumed.Cause}");
        Assert.Equal(TenantStatus.Deleted, (await _fixture.RegistrationAsync("lresume")).Status);
        Assert.Empty(await TenantObjectsInCloud.KeysAsync(_fixture.Cloud, "lresume"));
        Assert.Empty(await TenantResourcesInCloud.LeftAsync(_fixture.Cloud, "lresume"));
        Assert.True(_fixture.Cloud.KmsKeys.TryGet(keyId, out var key));
        Assert.Equal(KmsKeyState.PendingDeletion, key.State);
    }

    [Fact]
    public async Task A_throttled_deletion_call_is_retried_by_its_state_and_the_offboarding_succeeds()
    {
        Assert.True((await OnboardAsync("lthrottle", "Basic")).Succeeded);
        await PooledTenantItems.WriteOrdersAsync(_fixture.Cloud, "lthrottle", 30);
        _fixture.Faults.FailAttempts("DeletePooledData", 2, "Lambda.TooManyRequestsException", "injected throttling");
        StateMachineExecutionResult result;
        try
        {
            result = await RunAsync("OffboardingStateMachine", "lthrottle", new JsonObject { ["tenantId"] = "lthrottle" });
        }
        finally
        {
            _fixture.Faults.ClearFaults();
        }

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(TenantStatus.Deleted, (await _fixture.RegistrationAsync("lthrottle")).Status);
        Assert.Empty(await PooledTenantItems.ReadAsync(_fixture.Cloud, "lthrottle"));
    }

    private Task<StateMachineExecutionResult> OnboardAsync(string tenantId, string tier) =>
        RunAsync("OnboardingStateMachine", tenantId, new JsonObject { ["tenantId"] = tenantId, ["name"] = $"{tenantId} Inc.", ["tier"] = tier, ["adminEmail"] = $"admin@{tenantId}.example" });

    private Task<StateMachineExecutionResult> RunAsync(string machine, string tenantId, JsonObject input) =>
        _fixture.Workflows.RunAsync(machine, input, $"{machine}-{tenantId}-{Guid.NewGuid():N}", StateMachineRunOptions.Fast);
}
