using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tenancy.Local.Tests.AwsCli;
using Tenancy.Local.Tests.Cloud;

namespace Tenancy.Local.Tests.CognitoIdp;

/// <summary>The local cognito-idp driven by the real AWS CLI: administrator operations, sign-in, refresh, groups and the real error codes.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class CognitoIdpCliTests
{
    private const string Password = "Perm-Passw0rd!";
    private readonly LocalCloudFixture _fixture;

    public CognitoIdpCliTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private string PoolId => _fixture.Cloud.UserPool.UserPoolId;

    private string ClientId => _fixture.Cloud.UserPool.ClientId;

    private Task<AwsCliResult> Admin(params string[] arguments) => AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, ["cognito-idp", .. arguments]);

    private Task<AwsCliResult> SignIn(string username, string password) =>
        Admin("initiate-auth", "--client-id", ClientId, "--auth-flow", "USER_PASSWORD_AUTH", "--auth-parameters", $"USERNAME={username},PASSWORD={password}");

    private async Task CreateConfirmedUserAsync(string username, string tenantId)
    {
        (await Admin("admin-create-user", "--user-pool-id", PoolId, "--username", username, "--message-action", "SUPPRESS", "--temporary-password", "Temp-Passw0rd!",
            "--user-attributes", $"Name=email,Value={username}@{tenantId}.example", $"Name=custom:tenantID,Value={tenantId}")).Json.ToString();
        Assert.True((await Admin("admin-set-user-password", "--user-pool-id", PoolId, "--username", username, "--password", Password, "--permanent")).Succeeded);
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, bool idToken)
    {
        using var http = new HttpClient();
        var jwks = new JsonWebKeySet(await http.GetStringAsync(new Uri(_fixture.Cloud.Issuer.JwksUrl)));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _fixture.Cloud.Issuer.IssuerUrl,
            ValidateAudience = idToken,
            ValidAudience = ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });
    }

    [Fact]
    public async Task An_admin_created_user_must_set_a_password_then_signs_in_with_cognito_shaped_tokens()
    {
        var created = (await Admin("admin-create-user", "--user-pool-id", PoolId, "--username", "carol", "--message-action", "SUPPRESS", "--temporary-password", "Temp-Passw0rd!",
            "--user-attributes", "Name=email,Value=carol@initech.example", "Name=custom:tenantID,Value=initech")).Json;
        Assert.Equal("FORCE_CHANGE_PASSWORD", (string)created["User"]!["UserStatus"]!);
        Assert.Contains(created["User"]!["Attributes"]!.AsArray(), a => (string)a!["Name"]! == "custom:tenantID" && (string)a["Value"]! == "initech");

        // The temporary password only opens the NEW_PASSWORD_REQUIRED challenge: no tokens yet.
        var challenged = (await SignIn("carol", "Temp-Passw0rd!")).Json;
        Assert.Equal("NEW_PASSWORD_REQUIRED", (string)challenged["ChallengeName"]!);
        Assert.Null(challenged["AuthenticationResult"]);

        Assert.True((await Admin("admin-set-user-password", "--user-pool-id", PoolId, "--username", "carol", "--password", Password, "--permanent")).Succeeded);
        Assert.Equal("CONFIRMED", (string)(await Admin("admin-get-user", "--user-pool-id", PoolId, "--username", "carol")).Json["UserStatus"]!);

        var result = (await SignIn("carol", Password)).Json["AuthenticationResult"]!;
        Assert.Equal("Bearer", (string)result["TokenType"]!);
        Assert.Equal(3600, (int)result["ExpiresIn"]!);
        var idToken = (string)result["IdToken"]!;
        var accessToken = (string)result["AccessToken"]!;
        Assert.True((await ValidateAsync(idToken, idToken: true)).IsValid);
        Assert.True((await ValidateAsync(accessToken, idToken: false)).IsValid);

        var id = JwtClaims.Payload(idToken);
        Assert.Equal("id", (string)id["token_use"]!);
        Assert.Equal(ClientId, (string)id["aud"]!);
        Assert.Equal("carol", (string)id["cognito:username"]!);
        Assert.Equal("initech", (string)id["custom:tenantID"]!);
        var access = JwtClaims.Payload(accessToken);
        Assert.Equal("access", (string)access["token_use"]!);
        Assert.Equal(ClientId, (string)access["client_id"]!);
        Assert.Equal("carol", (string)access["username"]!);
        Assert.Equal("aws.cognito.signin.user.admin", (string)access["scope"]!);
        Assert.Null(access["aud"]);

        // Without a pre token generation trigger, custom attributes stay out of the access token, as in Cognito.
        Assert.Null(access["custom:tenantID"]);
        Assert.Equal((string)id["sub"]!, (string)access["sub"]!);

        var refreshed = (await Admin("initiate-auth", "--client-id", ClientId, "--auth-flow", "REFRESH_TOKEN_AUTH", "--auth-parameters", $"REFRESH_TOKEN={(string)result["RefreshToken"]!}")).Json["AuthenticationResult"]!;
        Assert.True((await ValidateAsync((string)refreshed["AccessToken"]!, idToken: false)).IsValid);
        Assert.Null(refreshed["RefreshToken"]);
        Assert.Equal("initech", (string)JwtClaims.Payload((string)refreshed["IdToken"]!)["custom:tenantID"]!);
    }

    [Fact]
    public async Task Sign_in_failures_use_cognitos_errors()
    {
        await CreateConfirmedUserAsync("dave", "initech");

        var wrongPassword = await SignIn("dave", "Wrong-Passw0rd!");
        Assert.False(wrongPassword.Succeeded);
        Assert.Equal("NotAuthorizedException", wrongPassword.ErrorCode);
        Assert.Contains("Incorrect username or password.", wrongPassword.Stderr, StringComparison.Ordinal);
        Assert.Equal("NotAuthorizedException", (await SignIn("nobody-here", Password)).ErrorCode);

        var wrongClient = await Admin("initiate-auth", "--client-id", "notourclient", "--auth-flow", "USER_PASSWORD_AUTH", "--auth-parameters", $"USERNAME=dave,PASSWORD={Password}");
        Assert.Equal("ResourceNotFoundException", wrongClient.ErrorCode);
        var badRefresh = await Admin("initiate-auth", "--client-id", ClientId, "--auth-flow", "REFRESH_TOKEN_AUTH", "--auth-parameters", "REFRESH_TOKEN=forged");
        Assert.Equal("NotAuthorizedException", badRefresh.ErrorCode);

        var weak = await Admin("admin-set-user-password", "--user-pool-id", PoolId, "--username", "dave", "--password", "short", "--permanent");
        Assert.Equal("InvalidPasswordException", weak.ErrorCode);

        // A deleted user's refresh token stops working.
        var refreshToken = (string)(await SignIn("dave", Password)).Json["AuthenticationResult"]!["RefreshToken"]!;
        Assert.True((await Admin("admin-delete-user", "--user-pool-id", PoolId, "--username", "dave")).Succeeded);
        Assert.Equal("UserNotFoundException", (await Admin("admin-get-user", "--user-pool-id", PoolId, "--username", "dave")).ErrorCode);
        Assert.Equal("UserNotFoundException", (await Admin("admin-delete-user", "--user-pool-id", PoolId, "--username", "dave")).ErrorCode);
        Assert.Equal("NotAuthorizedException", (await Admin("initiate-auth", "--client-id", ClientId, "--auth-flow", "REFRESH_TOKEN_AUTH", "--auth-parameters", $"REFRESH_TOKEN={refreshToken}")).ErrorCode);
    }

    [Fact]
    public async Task The_tenant_attribute_is_immutable_and_the_schema_is_enforced()
    {
        await CreateConfirmedUserAsync("erin", "initech");

        var immutable = await Admin("admin-update-user-attributes", "--user-pool-id", PoolId, "--username", "erin", "--user-attributes", "Name=custom:tenantID,Value=globex");
        Assert.Equal("InvalidParameterException", immutable.ErrorCode);
        Assert.Contains("custom:tenantID: Attribute cannot be updated. (changing an immutable attribute)", immutable.Stderr, StringComparison.Ordinal);

        var undeclared = await Admin("admin-update-user-attributes", "--user-pool-id", PoolId, "--username", "erin", "--user-attributes", "Name=custom:role,Value=admin");
        Assert.Equal("InvalidParameterException", undeclared.ErrorCode);
        Assert.Contains("Attribute does not exist in the schema", undeclared.Stderr, StringComparison.Ordinal);

        Assert.True((await Admin("admin-update-user-attributes", "--user-pool-id", PoolId, "--username", "erin", "--user-attributes", "Name=custom:tenantTier,Value=Premium", "Name=name,Value=Erin")).Succeeded);
        var user = (await Admin("admin-get-user", "--user-pool-id", PoolId, "--username", "erin")).Json;
        var attributes = user["UserAttributes"]!.AsArray().ToDictionary(a => (string)a!["Name"]!, a => (string)a!["Value"]!);
        Assert.Equal("initech", attributes["custom:tenantID"]);
        Assert.Equal("Premium", attributes["custom:tenantTier"]);
        Assert.Equal("Erin", attributes["name"]);

        Assert.Equal("UsernameExistsException", (await Admin("admin-create-user", "--user-pool-id", PoolId, "--username", "ERIN", "--message-action", "SUPPRESS")).ErrorCode);
        Assert.Equal("UserNotFoundException", (await Admin("admin-update-user-attributes", "--user-pool-id", PoolId, "--username", "nobody", "--user-attributes", "Name=name,Value=X")).ErrorCode);
        Assert.Equal("ResourceNotFoundException", (await Admin("admin-get-user", "--user-pool-id", "us-east-1_Elsewhere", "--username", "erin")).ErrorCode);

        var listed = (await Admin("list-users", "--user-pool-id", PoolId, "--filter", "email = \"erin@initech.example\"")).Json["Users"]!.AsArray();
        Assert.Equal("erin", (string)Assert.Single(listed)!["Username"]!);
        Assert.Equal("InvalidParameterException", (await Admin("list-users", "--user-pool-id", PoolId, "--filter", "custom:tenantID = \"initech\"")).ErrorCode);
    }

    [Fact]
    public async Task Groups_are_managed_and_appear_in_both_tokens()
    {
        await CreateConfirmedUserAsync("frank", "initech");
        var group = (await Admin("create-group", "--user-pool-id", PoolId, "--group-name", "tenant-initech", "--description", "Initech users", "--precedence", "10")).Json["Group"]!;
        Assert.Equal("tenant-initech", (string)group["GroupName"]!);
        Assert.Equal(10, (int)group["Precedence"]!);
        Assert.Equal("GroupExistsException", (await Admin("create-group", "--user-pool-id", PoolId, "--group-name", "tenant-initech")).ErrorCode);
        Assert.Equal("Initech users", (string)(await Admin("get-group", "--user-pool-id", PoolId, "--group-name", "tenant-initech")).Json["Group"]!["Description"]!);

        Assert.True((await Admin("admin-add-user-to-group", "--user-pool-id", PoolId, "--username", "frank", "--group-name", "tenant-initech")).Succeeded);
        Assert.Equal("ResourceNotFoundException", (await Admin("admin-add-user-to-group", "--user-pool-id", PoolId, "--username", "frank", "--group-name", "missing")).ErrorCode);
        Assert.Equal("UserNotFoundException", (await Admin("admin-add-user-to-group", "--user-pool-id", PoolId, "--username", "nobody", "--group-name", "tenant-initech")).ErrorCode);
        var members = (await Admin("list-users-in-group", "--user-pool-id", PoolId, "--group-name", "tenant-initech")).Json["Users"]!.AsArray();
        Assert.Equal("frank", (string)Assert.Single(members)!["Username"]!);

        var result = (await SignIn("frank", Password)).Json["AuthenticationResult"]!;
        foreach (var token in new[] { (string)result["IdToken"]!, (string)result["AccessToken"]! })
        {
            Assert.Equal(new[] { "tenant-initech" }, JwtClaims.Payload(token)["cognito:groups"]!.AsArray().Select(g => (string)g!).ToArray());
        }

        Assert.True((await Admin("admin-remove-user-from-group", "--user-pool-id", PoolId, "--username", "frank", "--group-name", "tenant-initech")).Succeeded);
        Assert.Empty((await Admin("list-users-in-group", "--user-pool-id", PoolId, "--group-name", "tenant-initech")).Json["Users"]!.AsArray());
        Assert.True((await Admin("delete-group", "--user-pool-id", PoolId, "--group-name", "tenant-initech")).Succeeded);
        Assert.Equal("ResourceNotFoundException", (await Admin("get-group", "--user-pool-id", PoolId, "--group-name", "tenant-initech")).ErrorCode);
        Assert.Null(JwtClaims.Payload((string)(await SignIn("frank", Password)).Json["AuthenticationResult"]!["AccessToken"]!)["cognito:groups"]);
    }

    [Fact]
    public async Task Admin_operations_are_signed_and_checked_by_iam_while_sign_in_is_not()
    {
        // The API function's role has no Cognito permissions.
        var denied = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.ApiCredentials, "cognito-idp", "admin-get-user", "--user-pool-id", PoolId, "--username", _fixture.Acme.Username);
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.True(_fixture.Cloud.Counters.Denied("cognito-idp", "AdminGetUser") >= 1);

        var unsigned = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, "cognito-idp", "admin-get-user", "--user-pool-id", PoolId, "--username", _fixture.Acme.Username, "--no-sign-request");
        Assert.Equal("MissingAuthenticationTokenException", unsigned.ErrorCode);

        // Onboarded tenants' demo users are in the pool: InitiateAuth needs no AWS credentials.
        var signedIn = await AwsCliRunner.RunAsync(_fixture.Cloud, _fixture.Cloud.AdminCredentials, "cognito-idp", "initiate-auth", "--no-sign-request", "--client-id", ClientId,
            "--auth-flow", "USER_PASSWORD_AUTH", "--auth-parameters", $"USERNAME={_fixture.Acme.Username},PASSWORD={_fixture.Acme.Password}");
        var id = JwtClaims.Payload((string)signedIn.Json["AuthenticationResult"]!["IdToken"]!);
        Assert.Equal("acme", (string)id["custom:tenantID"]!);
        Assert.Equal("Basic", (string)id["custom:tenantTier"]!);

        using var http = new HttpClient();
        var jwks = await http.GetFromJsonAsync<JsonObject>(new Uri(_fixture.Cloud.Issuer.JwksUrl));
        Assert.Contains(jwks!["keys"]!.AsArray(), k => (string)k!["kid"]! == (string)JwtClaims.Header((string)signedIn.Json["AuthenticationResult"]!["IdToken"]!)["kid"]!);
    }
}
