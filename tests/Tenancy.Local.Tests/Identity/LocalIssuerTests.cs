using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tenancy.Local.Emulator.Services.Identity;
using Tenancy.Local.Tests.Cloud;

namespace Tenancy.Local.Tests.Identity;

[Collection(LocalCloudCollection.Name)]
public sealed class LocalIssuerTests
{
    private readonly LocalCloudFixture _fixture;

    public LocalIssuerTests(LocalCloudFixture fixture)
    {
        _fixture = fixture;
    }

    private LocalIssuer Issuer => _fixture.Cloud.Issuer;

    private async Task<TokenValidationResult> ValidateAsync(string token, TokenUse use)
    {
        using var http = new HttpClient();
        var discovery = await http.GetFromJsonAsync<JsonObject>(new Uri(Issuer.IssuerUrl + "/.well-known/openid-configuration"));
        var jwks = new JsonWebKeySet(await http.GetStringAsync(new Uri((string)discovery!["jwks_uri"]!)));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = (string)discovery["issuer"]!,
            ValidateAudience = use == TokenUse.Id,
            ValidAudience = Issuer.ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    [Fact]
    public async Task Discovery_and_jwks_are_served_under_the_user_pool()
    {
        using var http = new HttpClient();
        var discovery = await http.GetFromJsonAsync<JsonObject>(new Uri(Issuer.IssuerUrl + "/.well-known/openid-configuration"));
        Assert.Equal($"{_fixture.Cloud.Endpoint.ToString().TrimEnd('/')}/{Issuer.UserPoolId}", (string)discovery!["issuer"]!);
        Assert.Equal(Issuer.JwksUrl, (string)discovery["jwks_uri"]!);

        var jwks = await http.GetFromJsonAsync<JsonObject>(new Uri(Issuer.JwksUrl));
        var key = jwks!["keys"]!.AsArray().Select(k => k!.AsObject()).Single(k => (string)k["kid"]! == Issuer.CurrentKeyId);
        Assert.Equal("RSA", (string)key["kty"]!);
        Assert.Equal("RS256", (string)key["alg"]!);
    }

    [Fact]
    public async Task Sign_in_returns_cognito_shaped_tokens_that_validate_with_the_jwks()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(Issuer.IssuerUrl + "/signin"), new JsonObject { ["username"] = _fixture.Acme.Username, ["password"] = _fixture.Acme.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!["AuthenticationResult"]!;
        Assert.Equal("Bearer", (string)result["TokenType"]!);

        var id = await ValidateAsync((string)result["IdToken"]!, TokenUse.Id);
        Assert.True(id.IsValid, id.Exception?.Message);
        Assert.Equal("id", id.Claims["token_use"]);
        Assert.Equal("acme", id.Claims["custom:tenantID"]);
        Assert.Equal("Basic", id.Claims["custom:tenantTier"]);
        Assert.Equal(_fixture.Acme.Username, id.Claims["cognito:username"]);
        Assert.Equal(Issuer.ClientId, id.Claims["aud"]);
        foreach (var claim in new[] { "sub", "iss", "auth_time", "iat", "exp", "jti", "origin_jti", "event_id" })
        {
            Assert.True(id.Claims.ContainsKey(claim), claim);
        }

        var access = await ValidateAsync((string)result["AccessToken"]!, TokenUse.Access);
        Assert.True(access.IsValid, access.Exception?.Message);
        Assert.Equal("access", access.Claims["token_use"]);
        Assert.Equal(Issuer.ClientId, access.Claims["client_id"]);
        Assert.Equal("acme", access.Claims["custom:tenantID"]);
        Assert.Equal("aws.cognito.signin.user.admin", access.Claims["scope"]);
        Assert.Equal(id.Claims["origin_jti"], access.Claims["origin_jti"]);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(Issuer.IssuerUrl + "/signin"), new JsonObject { ["username"] = _fixture.Acme.Username, ["password"] = "wrong" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NotAuthorizedException", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["__type"]!);
    }

    [Theory]
    [InlineData(TokenDefect.Expired)]
    [InlineData(TokenDefect.WrongIssuer)]
    [InlineData(TokenDefect.WrongAudience)]
    [InlineData(TokenDefect.TamperedTenant)]
    [InlineData(TokenDefect.AlgNone)]
    [InlineData(TokenDefect.UnknownKey)]
    [InlineData(TokenDefect.ForgedKeyId)]
    public async Task Deliberately_bad_tokens_fail_validation(TokenDefect defect)
    {
        var good = await ValidateAsync(Issuer.MintToken(_fixture.Acme.Username, TokenUse.Id), TokenUse.Id);
        Assert.True(good.IsValid);

        var bad = await ValidateAsync(Issuer.MintToken(_fixture.Acme.Username, TokenUse.Id, defect, tamperedTenantId: "globex"), TokenUse.Id);
        Assert.False(bad.IsValid);
    }

    [Fact]
    public async Task Rotated_keys_stay_in_the_jwks_until_retired()
    {
        var oldToken = Issuer.MintToken(_fixture.Acme.Username, TokenUse.Access);
        var oldKey = Issuer.CurrentKeyId;
        var newKey = Issuer.RotateSigningKey();
        try
        {
            var newToken = Issuer.MintToken(_fixture.Acme.Username, TokenUse.Access);
            Assert.Equal(newKey, new JsonWebToken(newToken).Kid);
            Assert.True((await ValidateAsync(oldToken, TokenUse.Access)).IsValid);
            Assert.True((await ValidateAsync(newToken, TokenUse.Access)).IsValid);

            Assert.True(Issuer.RetireSigningKey(oldKey));
            Assert.False((await ValidateAsync(oldToken, TokenUse.Access)).IsValid);
            Assert.True((await ValidateAsync(newToken, TokenUse.Access)).IsValid);
        }
        finally
        {
            Assert.NotEqual(oldKey, Issuer.CurrentKeyId);
        }
    }
}
