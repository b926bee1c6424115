using Tenancy.Local.Tests.AwsCli;
using Tenancy.Local.Tests.Cloud;

namespace Tenancy.Local.Tests.ApiGateway;

/// <summary>API keys and usage plans through the real AWS CLI, and the plan lookup the local API front uses.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class ApiGatewayCliTests
{
    private readonly LocalCloudFixture _fixture;

    public ApiGatewayCliTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private Task<AwsCliResult> Cli(params string[] arguments) => AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, ["apigateway", .. arguments]);

    // The plans are the template's BasicUsagePlan/PremiumUsagePlan, named <stack>-basic / <stack>-premium.
    private const string Basic = "tenancy-local-basic";
    private const string Premium = "tenancy-local-premium";

    private async Task<(string Id, string Name)> PlanAsync(string name)
    {
        var plans = (await Cli("get-usage-plans")).Json["items"]!.AsArray();
        var plan = plans.Single(p => (string)p!["name"]! == name)!;
        return ((string)plan["id"]!, name);
    }

    [Fact]
    public async Task Seeded_plans_are_listed_with_their_throttle_and_quota()
    {
        var plans = (await Cli("get-usage-plans")).Json["items"]!.AsArray();
        var basic = plans.Single(p => (string)p!["name"]! == Basic)!;
        // The template's parameter defaults BasicRateLimit, BasicBurstLimit, BasicDailyQuota.
        Assert.Equal(50.0, (double)basic["throttle"]!["rateLimit"]!);
        Assert.Equal(100, (int)basic["throttle"]!["burstLimit"]!);
        Assert.Equal(100_000, (int)basic["quota"]!["limit"]!);
        Assert.Equal("DAY", (string)basic["quota"]!["period"]!);
        Assert.Contains(plans, p => (string)p!["name"]! == Premium);
    }

    [Fact]
    public async Task A_tenant_key_is_created_attached_to_its_plan_looked_up_and_revoked()
    {
        var created = (await Cli("create-api-key", "--name", "tenant-initech", "--enabled", "--customer-id", "initech", "--tags", "TenantID=initech")).Json;
        var keyId = (string)created["id"]!;
        var value = (string)created["value"]!;
        Assert.Equal(40, value.Length);
        Assert.True((bool)created["enabled"]!);
        Assert.Equal("initech", (string)created["tags"]!["TenantID"]!);

        Assert.Null((await Cli("get-api-key", "--api-key", keyId)).Json["value"]);
        Assert.Equal(value, (string)(await Cli("get-api-key", "--api-key", keyId, "--include-value")).Json["value"]!);
        Assert.Contains((await Cli("get-api-keys", "--name-query", "tenant-init")).Json["items"]!.AsArray(), k => (string)k!["id"]! == keyId);

        // Not in a plan yet: the front would refuse the key.
        Assert.Null(_fixture.Cloud.ApiGateway.FindByApiKeyValue(value));

        var (basicId, _) = await PlanAsync(Basic);
        var (premiumId, _) = await PlanAsync(Premium);
        var planKey = (await Cli("create-usage-plan-key", "--usage-plan-id", basicId, "--key-id", keyId, "--key-type", "API_KEY")).Json;
        Assert.Equal(keyId, (string)planKey["id"]!);
        Assert.Equal("API_KEY", (string)planKey["type"]!);
        Assert.Contains((await Cli("get-usage-plan-keys", "--usage-plan-id", basicId)).Json["items"]!.AsArray(), k => (string)k!["id"]! == keyId);
        Assert.Equal(basicId, (string)Assert.Single((await Cli("get-usage-plans", "--key-id", keyId)).Json["items"]!.AsArray())!["id"]!);

        var limits = _fixture.Cloud.ApiGateway.FindByApiKeyValue(value);
        Assert.NotNull(limits);
        Assert.Equal((Basic, 50.0, 100, 100_000, "DAY"), (limits.UsagePlanName, limits.RateLimit, limits.BurstLimit, limits.QuotaLimit!.Value, limits.QuotaPeriod));

        var conflict = await Cli("create-usage-plan-key", "--usage-plan-id", premiumId, "--key-id", keyId, "--key-type", "API_KEY");
        Assert.Equal("ConflictException", conflict.ErrorCode);

        // A tier change: detach from Basic, attach to Premium.
        Assert.True((await Cli("delete-usage-plan-key", "--usage-plan-id", basicId, "--key-id", keyId)).Succeeded);
        Assert.Equal("NotFoundException", (await Cli("delete-usage-plan-key", "--usage-plan-id", basicId, "--key-id", keyId)).ErrorCode);
        Assert.True((await Cli("create-usage-plan-key", "--usage-plan-id", premiumId, "--key-id", keyId, "--key-type", "API_KEY")).Succeeded);
        Assert.Equal(Premium, _fixture.Cloud.ApiGateway.FindByApiKeyValue(value)!.UsagePlanName);

        Assert.True((await Cli("delete-api-key", "--api-key", keyId)).Succeeded);
        Assert.Null(_fixture.Cloud.ApiGateway.FindByApiKeyValue(value));
        Assert.DoesNotContain((await Cli("get-usage-plan-keys", "--usage-plan-id", premiumId)).Json["items"]!.AsArray(), k => (string)k!["id"]! == keyId);
        var missing = await Cli("get-api-key", "--api-key", keyId);
        Assert.Equal("NotFoundException", missing.ErrorCode);
        Assert.Contains("Invalid API Key identifier specified", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal("NotFoundException", (await Cli("delete-api-key", "--api-key", keyId)).ErrorCode);
    }

    [Fact]
    public async Task Given_values_are_validated_and_unique_and_disabled_keys_have_no_plan()
    {
        Assert.Equal("BadRequestException", (await Cli("create-api-key", "--name", "short", "--value", "too-short")).ErrorCode);

        var value = "initech-given-value-0123456789";
        var given = (await Cli("create-api-key", "--name", "given", "--value", value)).Json;
        Assert.Equal(value, (string)given["value"]!);
        Assert.False((bool)given["enabled"]!);
        Assert.Equal("ConflictException", (await Cli("create-api-key", "--name", "again", "--value", value)).ErrorCode);

        var (basicId, _) = await PlanAsync(Basic);
        Assert.True((await Cli("create-usage-plan-key", "--usage-plan-id", basicId, "--key-id", (string)given["id"]!, "--key-type", "API_KEY")).Succeeded);
        Assert.Null(_fixture.Cloud.ApiGateway.FindByApiKeyValue(value));
        Assert.Equal("NotFoundException", (await Cli("create-usage-plan-key", "--usage-plan-id", "nosuch", "--key-id", (string)given["id"]!, "--key-type", "API_KEY")).ErrorCode);
    }

    [Fact]
    public async Task Iam_decides_with_api_gateways_method_and_path_model()
    {
        var denied = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.ApiCredentials, "apigateway", "create-api-key", "--name", "sneaky");
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Contains("apigateway:POST", denied.Stderr, StringComparison.Ordinal);
        Assert.True(_fixture.Cloud.Counters.Denied("apigateway", "CreateApiKey") >= 1);
    }
}
