using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tenancy.Security.Tests.Infrastructure;

/// <summary>What an attacker holding a genuine access token, but not the issuer's private key, can make of it.</summary>
public static class ForgedTokens
{
    public static string WithPayloadClaim(string token, string claim, string value)
    {
        var (header, payload, signature) = Split(token);
        payload[claim] = value;
        return $"{Encode(header)}.{Encode(payload)}.{signature}";
    }

    public static string WithHeader(string token, string member, string? value)
    {
        var (header, payload, signature) = Split(token);
        header[member] = value;
        return $"{Encode(header)}.{Encode(payload)}.{signature}";
    }

    public static string AlgNone(string token, string claim, string value)
    {
        var (header, payload, _) = Split(token);
        header["alg"] = "none";
        payload[claim] = value;
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    /// <summary>Re-signed with a fresh RSA key of the attacker's, keeping the issuer's <c>kid</c> (or another).</summary>
    public static string SignedWithOwnKey(string token, string claim, string value, string? kid = null)
    {
        var (header, payload, _) = Split(token);
        payload[claim] = value;
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = kid ?? header["kid"]?.GetValue<string>() };
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>HS256 keyed with the issuer's public key material (the JWKS modulus, as text and as bytes).</summary>
    public static string HmacWithPublicKey(string token, byte[] secret)
    {
        var (header, payload, _) = Split(token);
        header["alg"] = "HS256";
        var input = $"{Encode(header)}.{Encode(payload)}";
        return $"{input}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)))}";
    }

    /// <summary>The payload with a second member of the same name spliced in ahead of the genuine one.</summary>
    public static string DuplicatedClaim(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var json = Base64UrlEncoder.Decode(parts[1]);
        var spliced = "{" + new JsonObject { [claim] = value }.ToJsonString()[1..^1] + "," + json[1..];
        return $"{parts[0]}.{Base64UrlEncoder.Encode(spliced)}.{parts[2]}";
    }

    private static (JsonObject Header, JsonObject Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        return (JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject(), JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject(), parts[2]);
    }

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());
}
