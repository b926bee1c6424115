using Tenancy.Local.Tests.AwsCli;

namespace Tenancy.Local.Tests.CognitoIdp;

/// <summary>InitiateAuth through the pre token generation V2_0 trigger: the event Cognito sends, its answer applied to both tokens, and no tokens when it fails.</summary>
public sealed class PreTokenTriggerTests : IClassFixture<PreTokenTriggerFixture>
{
    private const string Password = "Perm-Passw0rd!";
    private readonly PreTokenTriggerFixture _fixture;

    public PreTokenTriggerTests(PreTokenTriggerFixture fixture)
    {
        _fixture = fixture;
    }

    private Task<AwsCliResult> Cli(params string[] arguments) => AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, ["cognito-idp", .. arguments]);

    private async Task<AwsCliResult> CreateAndSignInAsync(string username, string tenantId)
    {
        var pool = _fixture.Cloud.UserPool.UserPoolId;
        Assert.True((await Cli("admin-create-user", "--user-pool-id", pool, "--username", username, "--message-action", "SUPPRESS",
            "--user-attributes", $"Name=email,Value={username}@example.com", $"Name=custom:tenantID,Value={tenantId}")).Succeeded);
        Assert.True((await Cli("admin-set-user-password", "--user-pool-id", pool, "--username", username, "--password", Password, "--permanent")).Succeeded);
        return await Cli("initiate-auth", "--client-id", _fixture.Cloud.UserPool.ClientId, "--auth-flow", "USER_PASSWORD_AUTH", "--auth-parameters", $"USERNAME={username},PASSWORD={Password}");
    }

    [Fact]
    public async Task The_v2_event_is_sent_and_its_claims_groups_and_scopes_are_applied_to_both_tokens()
    {
        var result = (await CreateAndSignInAsync("grace", "hooli")).Json["AuthenticationResult"]!;

        var (logicalId, triggerEvent) = _fixture.Function.Invocations.Last(i => (string?)i.Event["userName"] == "grace");
        Assert.Equal(RecordingPreTokenFunction.LogicalId, logicalId);
        Assert.Equal("2", (string)triggerEvent["version"]!);
        Assert.Equal("TokenGeneration_Authentication", (string)triggerEvent["triggerSource"]!);
        Assert.Equal(_fixture.Cloud.UserPool.UserPoolId, (string)triggerEvent["userPoolId"]!);
        Assert.Equal(_fixture.Cloud.UserPool.ClientId, (string)triggerEvent["callerContext"]!["clientId"]!);
        Assert.Equal("hooli", (string)triggerEvent["request"]!["userAttributes"]!["custom:tenantID"]!);
        Assert.Equal("CONFIRMED", (string)triggerEvent["request"]!["userAttributes"]!["cognito:user_status"]!);
        Assert.Equal("aws.cognito.signin.user.admin", (string)triggerEvent["request"]!["scopes"]![0]!);

        var access = JwtClaims.Payload((string)result["AccessToken"]!);
        Assert.Equal("hooli", (string)access["custom:tenantID"]!);
        Assert.Equal("Premium", (string)access["custom:tenantTier"]!);
        Assert.Equal("access", (string)access["token_use"]!);
        Assert.Equal("aws.cognito.signin.user.admin tenancy/api", (string)access["scope"]!);
        Assert.Equal("tenant-hooli", (string)access["cognito:groups"]![0]!);

        var id = JwtClaims.Payload((string)result["IdToken"]!);
        Assert.Equal("hooli", (string)id["https://aws.amazon.com/tags"]!["principal_tags"]!["TenantID"]![0]!);
        Assert.Equal("TenantID", (string)id["https://aws.amazon.com/tags"]!["transitive_tag_keys"]![0]!);
        Assert.Null(id["email"]);
        Assert.Equal(_fixture.Cloud.Issuer.IssuerUrl, (string)id["iss"]!);

        // The ID token carries the tags claim STS reads, and verifies against the one JWKS.
        Assert.NotNull(_fixture.Cloud.Issuer.Verify((string)result["IdToken"]!, out _, out var error));
        Assert.Empty(error);

        var refreshed = await Cli("initiate-auth", "--client-id", _fixture.Cloud.UserPool.ClientId, "--auth-flow", "REFRESH_TOKEN_AUTH", "--auth-parameters", $"REFRESH_TOKEN={(string)result["RefreshToken"]!}");
        Assert.Equal("hooli", (string)JwtClaims.Payload((string)refreshed.Json["AuthenticationResult"]!["AccessToken"]!)["custom:tenantID"]!);
        Assert.Equal("TokenGeneration_RefreshTokens", (string)_fixture.Function.Invocations.Last().Event["triggerSource"]!);
    }

    [Fact]
    public async Task A_failing_trigger_means_no_tokens_with_cognitos_error()
    {
        var failed = await CreateAndSignInAsync("heidi", RecordingPreTokenFunction.FailingTenant);
        Assert.False(failed.Succeeded);
        Assert.Equal("UserLambdaValidationException", failed.ErrorCode);
        Assert.Contains("PreTokenGeneration failed with error tenant is not active.", failed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("IdToken", failed.Stdout, StringComparison.Ordinal);

        var garbage = await CreateAndSignInAsync("ivan", RecordingPreTokenFunction.GarbageTenant);
        Assert.Equal("InvalidLambdaResponseException", garbage.ErrorCode);
        Assert.DoesNotContain("IdToken", garbage.Stdout, StringComparison.Ordinal);
    }
}
