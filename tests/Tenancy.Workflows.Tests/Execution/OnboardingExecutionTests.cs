using Tenancy.Local.Emulator.Services.Kms;

namespace Tenancy.Workflows.Tests.Execution;

/// <summary>The real onboarding definition, executed by aws-local-stepfunctions end to end.</summary>
public sealed class OnboardingExecutionTests
{
    /// <summary>Every Task that provisions something; a failure at any of them must leave nothing behind.</summary>
    public static TheoryData<string> ProvisioningTasks() =>
    [
        "FindTenantKey", "CreateTenantKey", "CreateTenantKeyAlias", "CreateSiloTable", "DescribeSiloTable", "CreateTenantGroup",
        "CreateTenantAdmin", "AddAdminToTenantGroup", "CreateTenantApiKey", "AttachApiKeyToTierPlan", "RecordTenantResources", "ActivateTenant",
    ];

    [Fact]
    public async Task Basic_tenant_is_pooled_with_its_own_key_user_group_and_api_key_then_active()
    {
        var cloud = await WorkflowHarness.CreateAsync();

        var result = await cloud.OnboardAsync("acme", "Basic", "admin@acme.example");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        var record = cloud.Registry.Find("acme")!;
        Assert.Equal("Active", record.Status);
        Assert.Equal("Pool", record.Model);
        Assert.Equal("AppData", record.TableName);
        Assert.Empty(cloud.Tables.TableNames());

        var key = cloud.Keys.Resolve("alias/tenancy/acme");
        Assert.Equal("acme", key.Tags["TenantID"]);
        Assert.Equal(KmsKeyState.Enabled, key.State);
        Assert.Equal(key.KeyId, record.Resources["kmsKeyId"]!.GetValue<string>());

        Assert.Equal("acme", cloud.Cognito.AttributesOf("admin@acme.example")["custom:tenantID"]);
        Assert.Equal(["admin@acme.example"], cloud.Cognito.MembersOf("tenant-acme"));

        var apiKeyId = record.Resources["apiKeyId"]!.GetValue<string>();
        Assert.Equal([apiKeyId], cloud.ApiGateway.KeysOf(WorkflowHarness.BasicPlan));
        Assert.Empty(cloud.ApiGateway.KeysOf(WorkflowHarness.PremiumPlan));
        Assert.Equal(cloud.ApiGateway.ValueOf(apiKeyId), record.Resources["apiKeyValue"]!.GetValue<string>());

        var onboarded = Assert.Single(cloud.Events.Entries());
        Assert.Equal("TenantOnboarded", onboarded["DetailType"]!.GetValue<string>());
        Assert.Equal("acme", onboarded["Detail"]!["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Premium_tenant_gets_a_silo_table_encrypted_with_its_key_and_waits_until_it_is_active()
    {
        var cloud = await WorkflowHarness.CreateAsync();

        var result = await cloud.OnboardAsync("globex", "Premium", "admin@globex.example");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        var record = cloud.Registry.Find("globex")!;
        Assert.Equal("Active", record.Status);
        Assert.Equal("Silo", record.Model);
        Assert.Equal(["AppData-globex"], cloud.Tables.TableNames());

        var table = cloud.Tables.DefinitionOf("AppData-globex");
        Assert.Equal(record.Resources["kmsKeyArn"]!.GetValue<string>(), table["SSESpecification"]!["KMSMasterKeyId"]!.GetValue<string>());
        Assert.Equal("GSI1", table["GlobalSecondaryIndexes"]![0]!["IndexName"]!.GetValue<string>());
        // The table reports CREATING first, so the bounded wait loop must have gone round at least once.
        Assert.Equal(2, result.EnteredStates.Count(s => s == "DescribeSiloTable"));
        Assert.Contains("WaitForSiloTable", result.EnteredStates);

        Assert.Equal([record.Resources["apiKeyId"]!.GetValue<string>()], cloud.ApiGateway.KeysOf(WorkflowHarness.PremiumPlan));
    }

    [Theory]
    [MemberData(nameof(ProvisioningTasks))]
    public async Task A_failure_at_any_provisioning_task_leaves_nothing_and_the_tenant_failed_then_a_retry_succeeds(string failingState)
    {
        var cloud = await WorkflowHarness.CreateAsync();
        cloud.Faults.FailState(failingState, "States.TaskFailed", $"injected at {failingState}");

        var failed = await cloud.OnboardAsync("initech", "Premium", "admin@initech.example");

        Assert.False(failed.Succeeded);
        Assert.Equal("Tenancy.OnboardingFailed", failed.Error);
        Assert.Contains(failingState, failed.EnteredStates);
        var record = cloud.Registry.Find("initech")!;
        Assert.Equal("Failed", record.Status);
        Assert.Equal($"States.TaskFailed: injected at {failingState}", record.Cause);
        Assert.Empty(cloud.ResourcesLeft("initech"));
        Assert.Empty(cloud.Events.Entries());

        cloud.Faults.ClearFaults();
        var retried = await cloud.OnboardAsync("initech", "Premium", "admin@initech.example");

        Assert.True(retried.Succeeded, $"{retried.Error}: {retried.Cause}");
        Assert.Equal("Active", cloud.Registry.Find("initech")!.Status);
        Assert.Equal(KmsKeyState.Enabled, cloud.Keys.Resolve("alias/tenancy/initech").State);
        Assert.Equal(["AppData-initech"], cloud.Tables.TableNames());
    }

    [Fact]
    public async Task Compensation_tolerates_a_resource_that_is_already_gone()
    {
        var cloud = await WorkflowHarness.CreateAsync();
        cloud.Faults.FailState("AttachApiKeyToTierPlan");
        cloud.Faults.FailState("DeleteTenantGroup", "CognitoIdentityProvider.ResourceNotFoundException", "Group not found.");

        var failed = await cloud.OnboardAsync("umbrella", "Basic", "admin@umbrella.example");

        Assert.Equal("Tenancy.OnboardingFailed", failed.Error);
        Assert.Equal("Failed", cloud.Registry.Find("umbrella")!.Status);
        Assert.Contains("ScheduleTenantKeyDeletion", failed.EnteredStates);
        Assert.Empty(cloud.ApiGateway.KeyIdsTaggedWith("umbrella"));
        Assert.Empty(cloud.Cognito.Users());
    }

    /// <summary>Every undo step that can stop a rollback and leave what earlier steps created behind.</summary>
    public static TheoryData<string> StoppableUndoTasks() =>
    [
        "DeleteTenantAdmin", "DeleteTenantGroup", "DeleteSiloTable", "ScheduleTenantKeyDeletion", "DeleteTenantKeyAlias",
    ];

    [Theory]
    [MemberData(nameof(StoppableUndoTasks))]
    public async Task After_a_rollback_stops_at_any_undo_step_onboarding_again_adopts_the_leftovers_and_converges(string stuckState)
    {
        var cloud = await WorkflowHarness.CreateAsync();
        cloud.Faults.FailState("AttachApiKeyToTierPlan");
        cloud.Faults.FailState(stuckState, "States.TaskFailed", $"injected at {stuckState}");
        var stuck = await cloud.OnboardAsync("cyberdyne", "Premium", "admin@cyberdyne.example");
        Assert.Equal("Tenancy.CompensationIncomplete", stuck.Error);
        Assert.Equal("Provisioning", cloud.Registry.Find("cyberdyne")!.Status);
        Assert.NotEmpty(cloud.ResourcesLeft("cyberdyne"));

        cloud.Faults.ClearFaults();
        var again = await cloud.OnboardAsync("cyberdyne", "Premium", "admin@cyberdyne.example");

        Assert.True(again.Succeeded, $"{again.Error}: {again.Cause} after {string.Join(',', again.EnteredStates)}");
        var record = cloud.Registry.Find("cyberdyne")!;
        Assert.Equal("Active", record.Status);
        var key = Assert.Single(cloud.Keys.Keys, k => k.Tags.GetValueOrDefault("TenantID") == "cyberdyne" && k.State == KmsKeyState.Enabled);
        Assert.Equal(key.KeyId, cloud.Keys.Resolve("alias/tenancy/cyberdyne").KeyId);
        Assert.Equal(key.KeyId, record.Resources["kmsKeyId"]!.GetValue<string>());
        Assert.Equal(key.Arn, cloud.Tables.DefinitionOf("AppData-cyberdyne")["SSESpecification"]!["KMSMasterKeyId"]!.GetValue<string>());
        Assert.Equal(["AppData-cyberdyne"], cloud.Tables.TableNames());
        Assert.Equal(["admin@cyberdyne.example"], cloud.Cognito.MembersOf("tenant-cyberdyne"));
        Assert.Equal(["admin@cyberdyne.example"], cloud.Cognito.Users());
        Assert.Equal([record.Resources["apiKeyId"]!.GetValue<string>()], cloud.ApiGateway.KeyIdsTaggedWith("cyberdyne"));
    }

    [Fact]
    public async Task An_admin_email_that_belongs_to_another_tenant_is_never_adopted()
    {
        var cloud = await WorkflowHarness.CreateAsync();
        Assert.True((await cloud.OnboardAsync("soylent", "Basic", "admin@shared.example")).Succeeded);

        var failed = await cloud.OnboardAsync("tyrell", "Basic", "admin@shared.example");

        Assert.Equal("Tenancy.OnboardingFailed", failed.Error);
        Assert.Contains("AdminOfAnotherTenant", failed.EnteredStates);
        Assert.StartsWith("Tenancy.AdminEmailTaken:", cloud.Registry.Find("tyrell")!.Cause);
        Assert.Empty(cloud.ResourcesLeft("tyrell"));
        Assert.Equal("soylent", cloud.Cognito.AttributesOf("admin@shared.example")["custom:tenantID"]);
        Assert.Equal(["admin@shared.example"], cloud.Cognito.MembersOf("tenant-soylent"));
    }

    [Fact]
    public async Task A_refused_registration_provisions_nothing()
    {
        var cloud = await WorkflowHarness.CreateAsync();
        cloud.Faults.FailState("RegisterTenant", "IllegalTenantTransitionException", "Tenant hooli is Offboarding; it cannot go to register.");

        var result = await cloud.OnboardAsync("hooli", "Basic", "admin@hooli.example");

        Assert.Equal("Tenancy.RegistrationRefused", result.Error);
        Assert.Null(cloud.Registry.Find("hooli"));
        Assert.Empty(cloud.Keys.Keys);
        Assert.Empty(cloud.Cognito.Groups());
    }

    [Fact]
    public async Task Onboarding_the_same_tenant_twice_is_idempotent()
    {
        var cloud = await WorkflowHarness.CreateAsync();

        var first = await cloud.OnboardAsync("stark", "Basic", "admin@stark.example");
        var second = await cloud.OnboardAsync("stark", "Basic", "admin@stark.example");

        Assert.True(first.Succeeded, $"{first.Error}: {first.Cause}");
        Assert.True(second.Succeeded, $"{second.Error}: {second.Cause}");
        Assert.Contains("TenantAlreadyOnboarded", second.EnteredStates);
        Assert.DoesNotContain("CreateTenantKey", second.EnteredStates);
        Assert.Single(cloud.Keys.Keys);
        Assert.Single(cloud.ApiGateway.KeyIdsTaggedWith("stark"));
        Assert.Single(cloud.Events.Entries());
        Assert.Equal("Active", cloud.Registry.Find("stark")!.Status);
    }

    [Fact]
    public async Task A_lost_onboarded_event_does_not_roll_back_an_active_tenant()
    {
        var cloud = await WorkflowHarness.CreateAsync();
        cloud.Faults.FailState("PublishTenantOnboarded", "EventBridge.AmazonEventBridgeException", "bus unavailable");

        var result = await cloud.OnboardAsync("wayne", "Basic", "admin@wayne.example");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal("Active", cloud.Registry.Find("wayne")!.Status);
        Assert.Equal(KmsKeyState.Enabled, cloud.Keys.Resolve("alias/tenancy/wayne").State);
    }
}
