using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Local.Tests.AwsCli;

/// <summary>Reads a JWT's header and payload (signatures are checked separately, against the issuer's JWKS).</summary>
public static class JwtClaims
{
    public static JsonObject Payload(string jwt) => Part(jwt, 1);

    public static JsonObject Header(string jwt) => Part(jwt, 0);

    private static JsonObject Part(string jwt, int index) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[index])) as JsonObject ?? throw new InvalidOperationException("JWT part is not a JSON object.");
}
