using System.Text.Json.Nodes;
using Amazon.KeyManagementService.Model;
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
        Assert.Equal("Deleted", _fixture.Registry.Find("loff")!.Status);
        Assert.Empty(await TenantResourcesInCloud.LeftAsync(_fixture.Cloud, "loff"));
        Assert.True(_fixture.Cloud.KmsKeys.TryGet(keyId, out var key));
        Assert.Equal(KmsKeyState.PendingDeletion, key.State);
        ciphertext.Position = 0;
        await Assert.ThrowsAsync<KMSInvalidStateException>(() => kms.DecryptAsync(new DecryptRequest { CiphertextBlob = ciphertext }));

        Assert.Equal("Active", _fixture.Registry.Find("lkeep")!.Status);
        Assert.Equal(KmsKeyState.Enabled, _fixture.Cloud.KmsKeys.Resolve("alias/tenancy/lkeep").State);
        Assert.Single(_fixture.Cloud.UserPool.UsersInGroup("tenant-lkeep"));
        Assert.Single(_fixture.Cloud.ApiGateway.ApiKeys, k => k.Tags.GetValueOrDefault("TenantID") == "lkeep");
    }

    private Task<StateMachineExecutionResult> RunAsync(string machine, string tenantId, JsonObject input) =>
        _fixture.Workflows.RunAsync(machine, input, $"{machine}-{tenantId}-{Guid.NewGuid():N}", StateMachineRunOptions.Fast);
}
