using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>
/// The workflows' aws-sdk Tasks answered by a real local cloud: each change lands in the store its wire endpoint
/// serves, and a failure carries the name Step Functions gives it (the names the ASL's Retry/Catch rely on).
/// </summary>
public sealed class AwsSdkTaskHandlerTests : IClassFixture<LocalCloudFixture>
{
    private readonly LocalCloudFixture _fixture;
    private readonly IStateMachineTaskDispatcher _tasks;

    public AwsSdkTaskHandlerTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
        _tasks = fixture.Cloud.CreateWorkflowTasks();
    }

    [Fact]
    public async Task Cognito_tasks_change_the_pool_the_endpoint_serves_and_name_errors_like_step_functions()
    {
        var pool = _fixture.Cloud.UserPool.UserPoolId;
        var group = await Sdk("cognitoidentityprovider:createGroup", new JsonObject { ["UserPoolId"] = pool, ["GroupName"] = "tenant-cog1" });
        Assert.Equal("tenant-cog1", group.Result!["Group"]!["GroupName"]!.GetValue<string>());

        var user = await Sdk("cognitoidentityprovider:adminCreateUser", new JsonObject
        {
            ["UserPoolId"] = pool,
            ["Username"] = "admin@cog1.example",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = "admin@cog1.example" }, new JsonObject { ["Name"] = "custom:tenantID", ["Value"] = "cog1" }),
        });
        Assert.True(user.Succeeded, user.Cause);
        Assert.Equal("cog1", _fixture.Cloud.UserPool.User("admin@cog1.example").Attributes["custom:tenantID"]);

        var again = await Sdk("cognitoidentityprovider:adminCreateUser", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "admin@cog1.example" });
        Assert.Equal("CognitoIdentityProvider.UsernameExistsException", again.Error);
        var existing = await Sdk("cognitoidentityprovider:adminGetUser", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "admin@cog1.example" });
        Assert.Contains(existing.Result!["UserAttributes"]!.AsArray(), a => a!["Name"]!.GetValue<string>() == "custom:tenantID" && a["Value"]!.GetValue<string>() == "cog1");
        Assert.Equal("CognitoIdentityProvider.UserNotFoundException", (await Sdk("cognitoidentityprovider:adminGetUser", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "nobody@cog1.example" })).Error);

        Assert.True((await Sdk("cognitoidentityprovider:adminAddUserToGroup", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "admin@cog1.example", ["GroupName"] = "tenant-cog1" })).Succeeded);
        var members = await Sdk("cognitoidentityprovider:listUsersInGroup", new JsonObject { ["UserPoolId"] = pool, ["GroupName"] = "tenant-cog1", ["Limit"] = 60 });
        Assert.Equal("admin@cog1.example", Assert.Single(members.Result!["Users"]!.AsArray())!["Username"]!.GetValue<string>());

        Assert.True((await Sdk("cognitoidentityprovider:adminDeleteUser", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "admin@cog1.example" })).Succeeded);
        Assert.Equal("CognitoIdentityProvider.UserNotFoundException", (await Sdk("cognitoidentityprovider:adminDeleteUser", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "admin@cog1.example" })).Error);
        Assert.True((await Sdk("cognitoidentityprovider:deleteGroup", new JsonObject { ["UserPoolId"] = pool, ["GroupName"] = "tenant-cog1" })).Succeeded);
        Assert.Equal("CognitoIdentityProvider.ResourceNotFoundException", (await Sdk("cognitoidentityprovider:deleteGroup", new JsonObject { ["UserPoolId"] = pool, ["GroupName"] = "tenant-cog1" })).Error);
        Assert.Equal("CognitoIdentityProvider.ResourceNotFoundException", (await Sdk("cognitoidentityprovider:createGroup", new JsonObject { ["UserPoolId"] = "us-east-1_Other", ["GroupName"] = "x" })).Error);
    }

    [Fact]
    public async Task Api_gateway_tasks_create_a_key_the_usage_plans_enforce_and_delete_it()
    {
        var store = _fixture.Cloud.ApiGateway;
        var plan = store.UsagePlans[0];
        var key = await Sdk("apigateway:createApiKey", new JsonObject { ["Name"] = "tenant-apg1", ["Enabled"] = true, ["Tags"] = new JsonObject { ["TenantID"] = "apg1" } });
        var id = key.Result!["Id"]!.GetValue<string>();
        var value = key.Result!["Value"]!.GetValue<string>();

        Assert.True((await Sdk("apigateway:createUsagePlanKey", new JsonObject { ["UsagePlanId"] = plan.Id, ["KeyId"] = id, ["KeyType"] = "API_KEY" })).Succeeded);
        Assert.Equal(plan.Id, store.FindByApiKeyValue(value)!.UsagePlanId);
        Assert.Equal("ApiGateway.ConflictException", (await Sdk("apigateway:createUsagePlanKey", new JsonObject { ["UsagePlanId"] = plan.Id, ["KeyId"] = id, ["KeyType"] = "API_KEY" })).Error);

        Assert.True((await Sdk("apigateway:deleteApiKey", new JsonObject { ["ApiKey"] = id })).Succeeded);
        Assert.Null(store.FindByApiKeyValue(value));
        Assert.Equal("ApiGateway.NotFoundException", (await Sdk("apigateway:deleteApiKey", new JsonObject { ["ApiKey"] = id })).Error);
    }

    [Fact]
    public async Task Dynamodb_tasks_reach_dynamodb_local_with_the_sdk_integration_error_casing()
    {
        static JsonObject Definition() => new()
        {
            ["TableName"] = "AppData-ddb1",
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = "PK", ["AttributeType"] = "S" }),
            ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = "PK", ["KeyType"] = "HASH" }),
        };

        var create = await Sdk("dynamodb:createTable", Definition());
        Assert.True(create.Succeeded, create.Cause);
        Assert.Equal("AppData-ddb1", create.Result!["TableDescription"]!["TableName"]!.GetValue<string>());
        Assert.Equal("DynamoDb.ResourceInUseException", (await Sdk("dynamodb:createTable", Definition())).Error);

        var described = await Sdk("dynamodb:describeTable", new JsonObject { ["TableName"] = "AppData-ddb1" });
        Assert.Equal("ACTIVE", described.Result!["Table"]!["TableStatus"]!.GetValue<string>());

        Assert.True((await Sdk("dynamodb:deleteTable", new JsonObject { ["TableName"] = "AppData-ddb1" })).Succeeded);
        Assert.Equal("DynamoDb.ResourceNotFoundException", (await Sdk("dynamodb:deleteTable", new JsonObject { ["TableName"] = "AppData-ddb1" })).Error);
        Assert.Equal("DynamoDb.ResourceNotFoundException", (await Sdk("dynamodb:describeTable", new JsonObject { ["TableName"] = "AppData-ddb1" })).Error);
    }

    [Fact]
    public async Task Put_events_task_records_on_the_local_bus_and_refuses_an_entry_without_detail()
    {
        var sent = await _tasks.DispatchAsync(
            new StateMachineTaskRequest("exec", "Publish", "arn:aws:states:::events:putEvents", new JsonObject
            {
                ["Entries"] = new JsonArray(new JsonObject { ["EventBusName"] = "lifecycle", ["Source"] = "tenancy.control-plane", ["DetailType"] = "TenantOnboarded", ["Detail"] = new JsonObject { ["tenantId"] = "evt1" } }),
            }),
            CancellationToken.None);
        Assert.True(sent.Succeeded, sent.Cause);
        Assert.Contains(_fixture.Cloud.Events.OfType("TenantOnboarded"), e => e.Detail["tenantId"]!.GetValue<string>() == "evt1" && e.EventBusName == "lifecycle");

        var refused = await _tasks.DispatchAsync(
            new StateMachineTaskRequest("exec", "Publish", "arn:aws:states:::events:putEvents", new JsonObject
            {
                ["Entries"] = new JsonArray(new JsonObject { ["Source"] = "tenancy.control-plane", ["DetailType"] = "TenantRefused" }),
            }),
            CancellationToken.None);
        Assert.Equal("EventBridge.FailedEntry", refused.Error);
        Assert.Empty(_fixture.Cloud.Events.OfType("TenantRefused"));
    }

    private Task<StateMachineTaskOutcome> Sdk(string serviceAndAction, JsonObject? parameters) =>
        _tasks.DispatchAsync(new StateMachineTaskRequest("exec", "State", "arn:aws:states:::aws-sdk:" + serviceAndAction, parameters), CancellationToken.None);
}
