using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Tenancy.Isolation;
using Tenancy.Local.Emulator.Services.Kms;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>The template's onboarding state machine run against a real local cloud: what it creates is in the cloud's stores.</summary>
public sealed class LocalOnboardingTests : IClassFixture<LocalWorkflowFixture>
{
    private const string Onboarding = "OnboardingStateMachine";
    private readonly LocalWorkflowFixture _fixture;

    public LocalOnboardingTests(LocalWorkflowFixture fixture) => _fixture = fixture;

    /// <summary>Every Task that provisions something; a failure at any of them must leave nothing behind.</summary>
    public static TheoryData<string> ProvisioningTasks() =>
    [
        "FindTenantKey", "CreateTenantKey", "CreateTenantKeyAlias", "CreateSiloTable", "DescribeSiloTable", "CreateTenantGroup",
        "CreateTenantAdmin", "AddAdminToTenantGroup", "CreateTenantApiKey", "AttachApiKeyToTierPlan", "RecordTenantResources", "ActivateTenant",
    ];

    [Fact]
    public void State_machine_arn_is_named_as_sam_names_it()
    {
        Assert.Equal("arn:aws:states:us-east-1:000000000000:stateMachine:tenancy-local-OnboardingStateMachine".Replace("us-east-1", _fixture.Cloud.Region, StringComparison.Ordinal).Replace("000000000000", _fixture.Cloud.AccountId, StringComparison.Ordinal), _fixture.Workflows.StateMachineArn(Onboarding));
        Assert.Contains($"\"{_fixture.Cloud.UserPool.UserPoolId}\"", _fixture.Workflows.Definition(Onboarding), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_tenant_gets_its_key_user_group_and_api_key_in_the_local_cloud()
    {
        var result = await OnboardAsync("lbasic", "Basic");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        var cloud = _fixture.Cloud;
        Assert.Equal(TenantStatus.Active, (await _fixture.RegistrationAsync("lbasic")).Status);
        var key = cloud.KmsKeys.Resolve("alias/tenancy/lbasic");
        Assert.Equal("lbasic", key.Tags["TenantID"]);
        Assert.Equal(KmsKeyState.Enabled, key.State);
        Assert.Equal("lbasic", cloud.UserPool.User("admin@lbasic.example").Attributes["custom:tenantID"]);
        Assert.Equal("admin@lbasic.example", Assert.Single(cloud.UserPool.UsersInGroup("tenant-lbasic")).Username);
        var apiKeyValue = Assert.IsType<string>((await _fixture.RegistrationAsync("lbasic")).Resources.ApiKeyValue);
        Assert.Equal(cloud.ApiGateway.UsagePlans.Single(p => p.Name.EndsWith("-basic", StringComparison.Ordinal)).Id, cloud.ApiGateway.FindByApiKeyValue(apiKeyValue)!.UsagePlanId);
        Assert.False(await TableExistsAsync("AppData-lbasic"));
        Assert.Contains(cloud.Events.OfType("TenantOnboarded"), e => e.Detail["tenantId"]!.GetValue<string>() == "lbasic");
        // The registry transitions ran in the template's own function (a warm Native-AOT environment), not in-process.
        Assert.True(cloud.TemplateFunctions!.WarmEnvironments("RegistryFunction") > 0);
    }

    [Fact]
    public async Task Premium_tenant_gets_a_silo_table_in_dynamodb_local_and_the_premium_plan()
    {
        var result = await OnboardAsync("lprem", "Premium");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        using var dynamoDb = RawDynamoDb();
        var table = (await dynamoDb.DescribeTableAsync("AppData-lprem")).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Contains(table.GlobalSecondaryIndexes, i => i.IndexName == "GSI1");
        var apiKeyValue = Assert.IsType<string>((await _fixture.RegistrationAsync("lprem")).Resources.ApiKeyValue);
        Assert.Equal(_fixture.Cloud.ApiGateway.UsagePlans.Single(p => p.Name.EndsWith("-premium", StringComparison.Ordinal)).Id, _fixture.Cloud.ApiGateway.FindByApiKeyValue(apiKeyValue)!.UsagePlanId);
    }

    [Fact]
    public async Task Onboarding_the_same_tenant_twice_is_idempotent()
    {
        var first = await OnboardAsync("ltwice", "Premium");
        var again = await OnboardAsync("ltwice", "Premium");

        Assert.True(first.Succeeded, $"{first.Error}: {first.Cause}");
        Assert.True(again.Succeeded, $"{again.Error}: {again.Cause}");
        Assert.Contains("TenantAlreadyOnboarded", again.EnteredStates);
        Assert.DoesNotContain("CreateTenantKey", again.EnteredStates);

        Assert.Equal(TenantStatus.Active, (await _fixture.RegistrationAsync("ltwice")).Status);
        Assert.Single(_fixture.Cloud.KmsKeys.Keys, k => k.Tags.GetValueOrDefault("TenantID") == "ltwice" && k.State == KmsKeyState.Enabled);
        Assert.Single(_fixture.Cloud.ApiGateway.ApiKeys, k => k.Tags.GetValueOrDefault("TenantID") == "ltwice");
        Assert.Single(_fixture.Cloud.UserPool.UsersInGroup("tenant-ltwice"));
        Assert.Single(_fixture.Cloud.Events.OfType("TenantOnboarded"), e => e.Detail["tenantId"]!.GetValue<string>() == "ltwice");
    }

    [Theory]
    [MemberData(nameof(ProvisioningTasks))]
    public async Task A_failure_at_any_task_leaves_nothing_in_the_local_cloud_and_the_tenant_failed_then_a_retry_succeeds(string failingState)
    {
        // The state's initials and length: a distinct tenant per state in the shared cloud.
        var tenantId = "lf" + string.Concat(failingState.Where(char.IsUpper)).ToLowerInvariant() + failingState.Length;
        _fixture.Faults.FailState(failingState, "States.TaskFailed", $"injected at {failingState}");
        StateMachineExecutionResult failed;
        try
        {
            failed = await OnboardAsync(tenantId, "Premium");
        }
        finally
        {
            _fixture.Faults.ClearFaults();
        }

        Assert.False(failed.Succeeded);
        Assert.Contains(failingState, failed.EnteredStates);
        Assert.Equal(TenantStatus.Failed, (await _fixture.RegistrationAsync(tenantId)).Status);
        Assert.Empty(await ResourcesLeftAsync(tenantId));

        var retried = await OnboardAsync(tenantId, "Premium");
        Assert.True(retried.Succeeded, $"{retried.Error}: {retried.Cause}");
        Assert.Equal(TenantStatus.Active, (await _fixture.RegistrationAsync(tenantId)).Status);
    }

    [Fact]
    public async Task A_compensation_step_that_is_throttled_is_retried_and_the_rollback_still_completes_then_a_retry_succeeds()
    {
        _fixture.Faults.FailState("AttachApiKeyToTierPlan", "States.TaskFailed", "injected at AttachApiKeyToTierPlan");
        _fixture.Faults.FailAttempts("DeleteTenantApiKey", 2, "ApiGateway.TooManyRequestsException", "injected throttling");
        StateMachineExecutionResult failed;
        try
        {
            failed = await OnboardAsync("lcthrottle", "Premium");
        }
        finally
        {
            _fixture.Faults.ClearFaults();
        }

        // Without the compensation's own Retry the throttling would end it as CompensationIncomplete.
        Assert.Equal("Tenancy.OnboardingFailed", failed.Error);
        Assert.Contains("MarkTenantFailed", failed.EnteredStates);
        Assert.Equal(TenantStatus.Failed, (await _fixture.RegistrationAsync("lcthrottle")).Status);
        Assert.Empty(await ResourcesLeftAsync("lcthrottle"));

        var retried = await OnboardAsync("lcthrottle", "Premium");
        Assert.True(retried.Succeeded, $"{retried.Error}: {retried.Cause}");
        Assert.Equal(TenantStatus.Active, (await _fixture.RegistrationAsync("lcthrottle")).Status);
    }

    [Fact]
    public async Task A_compensation_step_that_keeps_failing_ends_compensation_incomplete_with_the_tenant_provisioning()
    {
        var failed = await OnboardWithStuckCompensationAsync("lcstuck");

        // Documented: the execution fails as CompensationIncomplete and the tenant stays Provisioning; the rollback
        // stopped after undoing the API key, so the admin, group, table and key are still there for an operator.
        Assert.Equal("Tenancy.CompensationIncomplete", failed.Error);
        Assert.DoesNotContain("MarkTenantFailed", failed.EnteredStates);
        Assert.Equal(TenantStatus.Provisioning, (await _fixture.RegistrationAsync("lcstuck")).Status);
        Assert.DoesNotContain(_fixture.Cloud.ApiGateway.ApiKeys, k => k.Tags.GetValueOrDefault("TenantID") == "lcstuck");
        Assert.Single(_fixture.Cloud.KmsKeys.Keys, k => k.Tags.GetValueOrDefault("TenantID") == "lcstuck" && k.State == KmsKeyState.Enabled);
        Assert.Equal(
            ["alias alias/tenancy/lcstuck", "table AppData-lcstuck", "user admin@lcstuck.example", "group tenant-lcstuck"],
            (await ResourcesLeftAsync("lcstuck")).Where(r => !r.StartsWith("key ", StringComparison.Ordinal)));
    }

    // The leftovers of an incomplete compensation (alias and key, table, user, group) are adopted by the next run.
    [Fact]
    public async Task After_an_incomplete_compensation_onboarding_again_converges_to_one_active_tenant()
    {
        Assert.Equal("Tenancy.CompensationIncomplete", (await OnboardWithStuckCompensationAsync("lcconv")).Error);

        var runs = new List<StateMachineExecutionResult>();
        do
        {
            runs.Add(await OnboardAsync("lcconv", "Premium"));
        }
        while (!runs[^1].Succeeded && runs.Count < 3);

        Assert.True(runs[^1].Succeeded, string.Join(" | ", runs.Select(r => $"{r.Error} after {string.Join(',', r.EnteredStates)}")));
        Assert.Equal(TenantStatus.Active, (await _fixture.RegistrationAsync("lcconv")).Status);
        Assert.Single(_fixture.Cloud.KmsKeys.Keys, k => k.Tags.GetValueOrDefault("TenantID") == "lcconv" && k.State == KmsKeyState.Enabled);
        Assert.Single(_fixture.Cloud.UserPool.UsersInGroup("tenant-lcconv"));
        Assert.Single(_fixture.Cloud.ApiGateway.ApiKeys, k => k.Tags.GetValueOrDefault("TenantID") == "lcconv");
    }

    [Fact]
    public async Task The_onboarded_admin_signs_in_the_real_pre_token_function_puts_the_tenant_in_the_access_token_and_it_opens_the_tenant_api()
    {
        var result = await OnboardAsync("lsign", "Basic");
        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        const string password = "Sign-In-Passw0rd!";
        _fixture.Cloud.UserPool.SetPassword("admin@lsign.example", password, permanent: true, _fixture.Cloud.Time.GetUtcNow());

        var tokens = await CognitoSignIn.PasswordAsync(_fixture.Cloud, "admin@lsign.example", password);

        var access = CognitoSignIn.Claims(tokens.AccessToken);
        Assert.Equal("lsign", access["custom:tenantID"]!.GetValue<string>());
        Assert.Equal("access", access["token_use"]!.GetValue<string>());
        Assert.Equal("lsign", CognitoSignIn.Claims(tokens.IdToken)["https://aws.amazon.com/tags"]!["principal_tags"]!["TenantID"]![0]!.GetValue<string>());
        Assert.NotNull(_fixture.Cloud.Issuer.Verify(tokens.IdToken, out _, out var error));
        Assert.Empty(error);
        Assert.True(_fixture.Cloud.TemplateFunctions!.WarmEnvironments("PreTokenGenerationFunction") > 0);

        // The token opens the tenant API: the template's authorizer, the tenant's API key and the API function.
        await using var api = await TenantApiFront.StartAsync(_fixture.Cloud);
        var me = await api.GetAsync("/me", tokens.AccessToken);
        Assert.Equal("lsign", me["tenantId"]!.GetValue<string>());
        Assert.Equal("admin@lsign.example", me["userName"]!.GetValue<string>());
    }

    private async Task<StateMachineExecutionResult> OnboardWithStuckCompensationAsync(string tenantId)
    {
        _fixture.Faults.FailState("AttachApiKeyToTierPlan", "States.TaskFailed", "injected at AttachApiKeyToTierPlan");
        _fixture.Faults.FailState("DeleteTenantAdmin", "States.TaskFailed", "injected at DeleteTenantAdmin");
        try
        {
            return await OnboardAsync(tenantId, "Premium");
        }
        finally
        {
            _fixture.Faults.ClearFaults();
        }
    }

    private Task<StateMachineExecutionResult> OnboardAsync(string tenantId, string tier) =>
        _fixture.Workflows.RunAsync(
            Onboarding,
            new JsonObject { ["tenantId"] = tenantId, ["name"] = $"{tenantId} Inc.", ["tier"] = tier, ["adminEmail"] = $"admin@{tenantId}.example" },
            $"onboard-{tenantId}-{Guid.NewGuid():N}",
            StateMachineRunOptions.Fast);

    private Task<IReadOnlyList<string>> ResourcesLeftAsync(string tenantId) => TenantResourcesInCloud.LeftAsync(_fixture.Cloud, tenantId);

    private Task<bool> TableExistsAsync(string tableName) => TenantResourcesInCloud.TableExistsAsync(_fixture.Cloud, tableName);

    private AmazonDynamoDBClient RawDynamoDb() => TenantResourcesInCloud.RawDynamoDb(_fixture.Cloud);
}
