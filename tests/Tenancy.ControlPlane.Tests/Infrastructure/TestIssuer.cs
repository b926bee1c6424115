using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tenancy.Identity;

namespace Tenancy.ControlPlane.Tests.Infrastructure;

/// <summary>An RS256 issuer for tests: signs access tokens and serves its JWKS to the shared verifier.</summary>
public sealed class TestIssuer : IDisposable
{
    public const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Tn4ncyPl";
    public const string ClientId = "5t3nancyexampleclient0001";
    public const string KeyId = "test-key-1";

    private readonly RSA _rsa = RSA.Create(2048);

    public AccessTokenValidationSettings Settings { get; } = new()
    {
        Issuer = Issuer,
        JwksUri = new Uri(Issuer + "/.well-known/jwks.json"),
        ClientId = ClientId,
    };

    public string JwksJson
    {
        get
        {
            var parameters = _rsa.ExportParameters(false);
            var key = new JsonObject
            {
                ["kty"] = "RSA",
                ["kid"] = KeyId,
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
        }
    }

    public AccessTokenVerifier CreateVerifier() => new(
        new JwksKeyStore(new HttpClient(new JwksHandler(this)), Settings.JwksUri, TimeProvider.System, NullLogger.Instance),
        Settings);

    /// <summary>A Cognito-shaped access token; <paramref name="change"/> edits the claims before signing.</summary>
    public string AccessToken(string? tenant = "acme", Action<JsonObject>? change = null, RSA? signWith = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["sub"] = "9b2f6a1e-3c4d-4e5f-8a7b-0c1d2e3f4a5b",
            ["iss"] = Issuer,
            ["client_id"] = ClientId,
            ["token_use"] = "access",
            ["scope"] = "openid email",
            ["username"] = "admin@acme.example",
            ["iat"] = now,
            ["exp"] = now + 3600,
        };
        if (tenant is not null)
        {
            claims["custom:tenantID"] = tenant;
        }

        change?.Invoke(claims);
        var key = new RsaSecurityKey(signWith ?? _rsa) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(claims.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    public void Dispose() => _rsa.Dispose();

    private sealed class JwksHandler(TestIssuer issuer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.RequestUri == issuer.Settings.JwksUri
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(issuer.JwksJson, Encoding.UTF8, "application/json") }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
