using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>Attacker-made variants of a genuine access token: what a client without the issuer's private key can produce.</summary>
internal static class ForgedTokens
{
    /// <summary>The genuine header and signature with one payload claim changed (e.g. another tenant).</summary>
    public static string WithClaim(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>The genuine payload with <c>alg: none</c> and no signature.</summary>
    public static string AlgNone(string token, string? tenantOverride = null)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        header["alg"] = "none";
        var payload = parts[1];
        if (tenantOverride is not null)
        {
            payload = WithClaim(token, "custom:tenantID", tenantOverride).Split('.')[1];
        }

        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{payload}.";
    }

    /// <summary>The genuine claims re-signed with the attacker's own RSA key under the issuer's <c>kid</c>.</summary>
    public static string SignedWithOtherKey(string token, string? tenantOverride = null)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        if (tenantOverride is not null)
        {
            payload["custom:tenantID"] = tenantOverride;
        }

        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = header["kid"]?.GetValue<string>() };
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>HS256 "signed" with the issuer's public key bytes: the classic algorithm-confusion attack.</summary>
    public static string HmacWithPublicKey(string token, string publicModulus)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        header["alg"] = "HS256";
        var signingInput = $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{parts[1]}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(publicModulus), Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>A claim of the token, read without verification (for assertions).</summary>
    public static string? ReadClaim(string token, string claim) =>
        new JsonWebToken(token).TryGetClaim(claim, out var c) ? c.Value : null;
}
