using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Tenancy.Local.Emulator.Services.Identity;
using Tenancy.Security.Tests.Infrastructure;

namespace Tenancy.Security.Tests.Jwt;

/// <summary>
/// Every way a bearer token can be wrong gets a 401 problem on a tenant route — before any tenant is resolved, so
/// nothing is vended or read. Tokens signed by the real issuer with a wrong claim come from the issuer's test hook;
/// tokens an attacker forges come from <see cref="ForgedTokens"/>.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class JwtAttackMatrixTests
{
    private readonly SecurityFixture _fixture;

    public JwtAttackMatrixTests(SecurityFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Attacks => new()
    {
        "alg none", "alg none, unsigned original claims", "HS256 keyed with the JWKS modulus text", "HS256 keyed with the modulus bytes",
        "unknown kid", "forged kid (issuer's kid, attacker's key)", "no kid", "kid path injection",
        "wrong iss", "wrong aud", "wrong client_id", "no client_id", "token_use id", "id token",
        "expired", "nbf in the future", "iat and nbf a day ahead",
        "tampered tenant claim", "tampered sub", "tampered exp", "signature stripped", "signature of another token",
        "oversized, validly signed", "oversized garbage", "duplicated tenant claim", "duplicated exp claim",
        "two segments", "four segments", "not base64", "empty bearer", "basic scheme",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Every_bad_token_is_401_problem(string attack)
    {
        var token = Make(attack);
        using var response = await ApiCalls.SendAsync(_fixture.Http, HttpMethod.Get, "/orders?limit=100", null, configure: r =>
            r.Headers.TryAddWithoutValidation("Authorization", attack == "basic scheme" ? "Basic " + token : "Bearer " + token));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{attack}: {(int)response.StatusCode} {body}");
        Assert.True(await ApiCalls.IsProblemAsync(response), $"{attack}: not a problem: {body}");
        Assert.False(_fixture.ContainsVictimData(body));
        Assert.DoesNotContain(_fixture.Attacker.Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_genuine_token_still_works()
    {
        using var response = await ApiCalls.SendAsync(_fixture.Http, HttpMethod.Get, "/orders?limit=100", _fixture.Attacker.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_fixture.Attacker.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private string Make(string attack)
    {
        var genuine = _fixture.Attacker.AccessToken;
        var issuer = _fixture.Cloud.Issuer;
        var user = _fixture.Attacker.Onboarded.Username;
        var victim = _fixture.Neighbour.Id;
        string Mint(Action<JsonObject> edit) => issuer.MintToken(user, TokenUse.Access, editClaims: edit);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var modulus = issuer.Jwks()["keys"]!.AsArray()[0]!["n"]!.GetValue<string>();
        return attack switch
        {
            "alg none" => ForgedTokens.AlgNone(genuine, "custom:tenantID", victim),
            "alg none, unsigned original claims" => ForgedTokens.AlgNone(genuine, "custom:tenantID", _fixture.Attacker.Id),
            "HS256 keyed with the JWKS modulus text" => ForgedTokens.HmacWithPublicKey(ForgedTokens.WithPayloadClaim(genuine, "custom:tenantID", victim), Encoding.UTF8.GetBytes(modulus)),
            "HS256 keyed with the modulus bytes" => ForgedTokens.HmacWithPublicKey(ForgedTokens.WithPayloadClaim(genuine, "custom:tenantID", victim), Base64UrlEncoder.DecodeBytes(modulus)),
            "unknown kid" => issuer.MintToken(user, TokenUse.Access, TokenDefect.UnknownKey),
            "forged kid (issuer's kid, attacker's key)" => ForgedTokens.SignedWithOwnKey(genuine, "custom:tenantID", victim),
            "no kid" => ForgedTokens.WithHeader(genuine, "kid", null),
            "kid path injection" => ForgedTokens.SignedWithOwnKey(genuine, "custom:tenantID", victim, kid: "../../.well-known/jwks.json"),
            "wrong iss" => issuer.MintToken(user, TokenUse.Access, TokenDefect.WrongIssuer),
            "wrong aud" => Mint(c => c["aud"] = "someoneelsesclient"),
            "wrong client_id" => issuer.MintToken(user, TokenUse.Access, TokenDefect.WrongAudience),
            "no client_id" => Mint(c => c.Remove("client_id")),
            "token_use id" => Mint(c => c["token_use"] = "id"),
            "id token" => issuer.MintToken(user, TokenUse.Id),
            "expired" => issuer.MintToken(user, TokenUse.Access, TokenDefect.Expired),
            "nbf in the future" => Mint(c => c["nbf"] = now + 3600),
            "iat and nbf a day ahead" => Mint(c => { c["iat"] = now + 86400; c["nbf"] = now + 86400; c["exp"] = now + 90000; }),
            "tampered tenant claim" => issuer.MintToken(user, TokenUse.Access, TokenDefect.TamperedTenant, tamperedTenantId: victim),
            "tampered sub" => ForgedTokens.WithPayloadClaim(genuine, "sub", Guid.NewGuid().ToString()),
            "tampered exp" => ForgedTokens.WithPayloadClaim(issuer.MintToken(user, TokenUse.Access, TokenDefect.Expired), "exp", (now + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "signature stripped" => genuine[..(genuine.LastIndexOf('.') + 1)],
            "signature of another token" => genuine[..genuine.LastIndexOf('.')] + _fixture.Neighbour.AccessToken[_fixture.Neighbour.AccessToken.LastIndexOf('.')..],
            "oversized, validly signed" => Mint(c => c["padding"] = new string('x', 12 * 1024)),
            "oversized garbage" => genuine + new string('A', 20 * 1024),
            "duplicated tenant claim" => ForgedTokens.DuplicatedClaim(genuine, "custom:tenantID", victim),
            "duplicated exp claim" => ForgedTokens.DuplicatedClaim(issuer.MintToken(user, TokenUse.Access, TokenDefect.Expired), "exp", (now + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "two segments" => genuine[..genuine.LastIndexOf('.')],
            "four segments" => genuine + ".e30",
            "not base64" => "%%%.***.!!!",
            "empty bearer" => string.Empty,
            "basic scheme" => Convert.ToBase64String(Encoding.UTF8.GetBytes("acme:password")),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
        };
    }
}
