using System.Text.Json.Nodes;
using Tenancy.Local.Tests.AwsCli;

namespace Tenancy.Local.Tests.StepFunctions;

/// <summary>
/// The Step Functions JSON 1.0 endpoint through the real AWS CLI: the template's onboarding state machine runs in
/// aws-local-stepfunctions, its Lambda tasks reach the local function invoker, and executions are described,
/// listed, stopped and their histories read as Step Functions reports them.
/// </summary>
[Collection(ScriptedFunctionsCloudCollection.Name)]
public sealed class StepFunctionsCliTests
{
    private readonly ScriptedFunctionsCloudFixture _fixture;

    public StepFunctionsCliTests(ScriptedFunctionsCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private string OnboardingArn => _fixture.Cloud.Template.Resolver.Ref("OnboardingStateMachine");

    [Fact]
    public async Task The_template_state_machines_are_listed_and_described_with_their_substituted_definitions()
    {
        var listed = (await Cli("list-state-machines")).Json["stateMachines"]!.AsArray();
        Assert.Equal(
            ["tenancy-local-MeteringCloseStateMachine", "tenancy-local-OffboardingStateMachine", "tenancy-local-OnboardingStateMachine", "tenancy-local-TierChangeStateMachine"],
            listed.Select(m => (string)m!["name"]!).ToArray());
        Assert.Equal($"arn:aws:states:{_fixture.Cloud.Region}:{_fixture.Cloud.AccountId}:stateMachine:tenancy-local-OnboardingStateMachine", OnboardingArn);

        var described = (await Cli("describe-state-machine", "--state-machine-arn", OnboardingArn)).Json;
        Assert.Equal("ACTIVE", (string)described["status"]!);
        var definition = (string)described["definition"]!;
        Assert.DoesNotContain("${", definition, StringComparison.Ordinal);
        Assert.Contains(_fixture.Cloud.UserPool.UserPoolId, definition, StringComparison.Ordinal);
        Assert.Contains(":function:RegistryFunction", definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_execution_runs_the_real_definition_and_reports_its_output_and_history()
    {
        var started = (await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--name", "onboard-initech-1", "--input", """{"tenantId":"initech","name":"Initech","tier":"Premium"}""")).Json;
        var executionArn = (string)started["executionArn"]!;
        Assert.EndsWith(":execution:tenancy-local-OnboardingStateMachine:onboard-initech-1", executionArn, StringComparison.Ordinal);

        var described = await WaitUntilStoppedAsync(executionArn);
        Assert.Equal("SUCCEEDED", (string)described["status"]!);
        Assert.Equal("Active", (string)JsonNode.Parse((string)described["output"]!)!["registration"]!["status"]!);
        var registered = Assert.Single(_fixture.Registry.Events, e => (string?)e["tenantId"] == "initech");
        Assert.Equal("register", (string)registered["transition"]!);
        Assert.Equal("Premium", (string)registered["tier"]!);

        var history = (await Cli("get-execution-history", "--execution-arn", executionArn)).Json["events"]!.AsArray();
        var types = history.Select(e => (string)e!["type"]!).ToList();
        Assert.Equal("ExecutionStarted", types[0]);
        Assert.Equal("ExecutionSucceeded", types[^1]);
        Assert.Contains("TaskStateEntered", types);
        Assert.Contains("ChoiceStateEntered", types);
        var entered = history.Where(e => (string?)e!["stateEnteredEventDetails"]?["name"] is not null).Select(e => (string)e!["stateEnteredEventDetails"]!["name"]!).ToList();
        Assert.Equal(["RegisterTenant", "AlreadyActive", "TenantAlreadyOnboarded"], entered);
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(e => (int)e!["id"]!));

        var listed = (await Cli("list-executions", "--state-machine-arn", OnboardingArn, "--status-filter", "SUCCEEDED")).Json["executions"]!.AsArray();
        Assert.Contains(listed, e => (string?)e!["executionArn"] == executionArn);
    }

    [Fact]
    public async Task A_new_premium_tenant_is_onboarded_through_every_local_service_the_definition_calls()
    {
        const string tenant = ScriptedRegistryFunction.NewTenantPrefix + "umbrella";
        var input = $$"""{"tenantId":"{{tenant}}","name":"Umbrella","tier":"Premium","adminEmail":"admin@umbrella.example"}""";
        var executionArn = (string)(await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--name", "onboard-umbrella", "--input", input)).Json["executionArn"]!;

        var described = await WaitUntilStoppedAsync(executionArn);
        Assert.True((string)described["status"]! == "SUCCEEDED", described.ToJsonString());
        var cloud = _fixture.Cloud;
        var key = Assert.Single(cloud.KmsKeys.Keys, k => k.Tags.GetValueOrDefault("TenantID") == tenant);
        Assert.Equal(key.KeyId, cloud.KmsKeys.AliasTarget($"alias/tenancy/{tenant}"));
        Assert.Equal(tenant, cloud.UserPool.User("admin@umbrella.example").Attributes["custom:tenantID"]);
        var apiKey = Assert.Single(cloud.ApiGateway.ApiKeys, k => k.Name == $"tenant-{tenant}");
        Assert.Equal(cloud.ApiGateway.UsagePlans.Single(p => p.Name == cloud.Template.UsagePlans.Single(t => t.LogicalId == "PremiumUsagePlan").Name).Id, cloud.ApiGateway.PlanOf(apiKey.Id)!.Id);
        Assert.Contains(cloud.Events.OfType("TenantOnboarded"), e => (string?)e.Detail["tenantId"] == tenant);
        var recorded = Assert.Single(_fixture.Registry.Events, e => (string?)e["tenantId"] == tenant && (string?)e["transition"] == "record-resources");
        Assert.Equal(key.KeyId, (string)recorded["resources"]!["kmsKeyId"]!);

        var history = (await Cli("get-execution-history", "--execution-arn", executionArn)).Json["events"]!.AsArray();
        var entered = history.Select(e => (string?)e!["stateEnteredEventDetails"]?["name"]).OfType<string>().ToList();
        Assert.Contains("CreateSiloTable", entered);
        Assert.Equal("TenantOnboarded", entered[^1]);
    }

    [Fact]
    public async Task A_function_error_is_caught_by_the_definition_and_fails_the_execution_with_its_error()
    {
        var executionArn = (string)(await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--name", "onboard-refused", "--input", $$"""{"tenantId":"{{ScriptedRegistryFunction.RefusedTenant}}","name":"Refused","tier":"Basic"}""")).Json["executionArn"]!;

        var described = await WaitUntilStoppedAsync(executionArn);
        Assert.Equal("FAILED", (string)described["status"]!);
        Assert.Equal("Tenancy.RegistrationRefused", (string)described["error"]!);
        var history = (await Cli("get-execution-history", "--execution-arn", executionArn, "--reverse-order")).Json["events"]!.AsArray();
        Assert.Equal("ExecutionFailed", (string)history[0]!["type"]!);
        Assert.Equal("Tenancy.RegistrationRefused", (string)history[0]!["executionFailedEventDetails"]!["error"]!);
        Assert.Contains(history, e => (string?)e!["type"] == "FailStateEntered");
    }

    [Fact]
    public async Task Names_are_idempotent_while_running_and_taken_once_the_execution_closed()
    {
        var input = $$"""{"tenantId":"{{ScriptedRegistryFunction.HeldTenant}}","name":"Held","tier":"Basic"}""";
        var first = (await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--name", "onboard-held", "--input", input)).Json;
        var again = (await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--name", "onboard-held", "--input", input)).Json;
        Assert.Equal((string)first["executionArn"]!, (string)again["executionArn"]!);
        Assert.Equal((double)first["startDate"]!, (double)again["startDate"]!);

        var otherInput = await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--name", "onboard-held", "--input", """{"tenantId":"someone-else"}""");
        Assert.Equal("ExecutionAlreadyExists", otherInput.ErrorCode);

        var executionArn = (string)first["executionArn"]!;
        Assert.Equal("RUNNING", (string)(await Cli("describe-execution", "--execution-arn", executionArn)).Json["status"]!);
        (await Cli("stop-execution", "--execution-arn", executionArn, "--error", "Operator.Stopped", "--cause", "test")).Json.ToString();
        var stopped = (await Cli("describe-execution", "--execution-arn", executionArn)).Json;
        Assert.Equal("ABORTED", (string)stopped["status"]!);
        Assert.Equal("Operator.Stopped", (string)stopped["error"]!);
        _fixture.Registry.Release();

        var closed = await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--name", "onboard-held", "--input", input);
        Assert.Equal("ExecutionAlreadyExists", closed.ErrorCode);
        var history = (await Cli("get-execution-history", "--execution-arn", executionArn)).Json["events"]!.AsArray();
        Assert.Equal(["ExecutionStarted", "ExecutionAborted"], history.Select(e => (string)e!["type"]!).ToArray());
    }

    [Fact]
    public async Task Bad_names_arns_and_unknown_resources_fail_like_step_functions()
    {
        Assert.Equal("InvalidName", (await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--name", "has space")).ErrorCode);
        Assert.Equal("InvalidArn", (await Cli("start-execution", "--state-machine-arn", "not-an-arn")).ErrorCode);
        Assert.Equal("StateMachineDoesNotExist", (await Cli("start-execution", "--state-machine-arn", OnboardingArn + "Missing")).ErrorCode);
        Assert.Equal("InvalidExecutionInput", (await Cli("start-execution", "--state-machine-arn", OnboardingArn, "--input", "{not json")).ErrorCode);
        var missingExecution = OnboardingArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":never-started";
        Assert.Equal("ExecutionDoesNotExist", (await Cli("describe-execution", "--execution-arn", missingExecution)).ErrorCode);
        Assert.Equal("InvalidArn", (await Cli("get-execution-history", "--execution-arn", OnboardingArn)).ErrorCode);
    }

    [Fact]
    public async Task Callers_without_states_permissions_are_denied_and_nothing_starts()
    {
        var before = _fixture.Cloud.Executions.All.Count;
        var denied = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.ApiCredentials, "stepfunctions", "start-execution", "--state-machine-arn", OnboardingArn, "--name", "sneaky");
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Equal("AccessDeniedException", (await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.ApiCredentials, "stepfunctions", "list-state-machines")).ErrorCode);
        Assert.Equal(before, _fixture.Cloud.Executions.All.Count);
    }

    private Task<AwsCliResult> Cli(params string[] arguments) =>
        AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, ["stepfunctions", .. arguments]);

    private async Task<JsonObject> WaitUntilStoppedAsync(string executionArn)
    {
        // The first execution may install the interpreter's npm packages.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var described = (await Cli("describe-execution", "--execution-arn", executionArn)).Json;
            if ((string)described["status"]! != "RUNNING" || DateTime.UtcNow > deadline)
            {
                return described;
            }

            await Task.Delay(200);
        }
    }
}
