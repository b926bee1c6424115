using System.Security.Claims;
using System.Text.Json;
using Tenancy.Lambda.Hosting.Events;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>
/// Builds <c>HttpContext.User</c> from what the API Gateway authorizer passed on. Claim types are the authorizer's keys
/// (<c>sub</c>, <c>cognito:groups</c>, a Lambda authorizer's context keys), as with the original adapter. A request only
/// counts as authenticated when the authorizer supplied at least one claim.
/// </summary>
internal static class AuthorizerPrincipal
{
    /// <summary>The authentication type the original adapter uses, kept so authorization policies carry over.</summary>
    public const string AuthenticationType = "AuthorizerIdentity";

    /// <summary>REST API: Cognito user-pool claims under <c>claims</c>, otherwise a Lambda authorizer's flat context.</summary>
    public static ClaimsPrincipal? FromRestApi(Dictionary<string, JsonElement>? authorizer)
    {
        if (authorizer is null || authorizer.Count == 0)
        {
            return null;
        }

        var claims = new List<Claim>();
        if (authorizer.TryGetValue("claims", out var cognito) && cognito.ValueKind == JsonValueKind.Object)
        {
            AddObject(claims, cognito);
        }
        else
        {
            AddEntries(claims, authorizer);
        }

        return Create(claims);
    }

    /// <summary>HTTP API: JWT claims (plus one <c>scope</c> claim per scope), a Lambda authorizer's context, or the IAM caller.</summary>
    public static ClaimsPrincipal? FromHttpApi(HttpApiAuthorizer? authorizer)
    {
        if (authorizer is null)
        {
            return null;
        }

        var claims = new List<Claim>();
        if (authorizer.Jwt?.Claims is { } jwtClaims)
        {
            AddEntries(claims, jwtClaims);
        }

        foreach (var scope in authorizer.Jwt?.Scopes ?? [])
        {
            claims.Add(new Claim("scope", scope));
        }

        if (authorizer.Lambda is { } lambdaContext)
        {
            AddEntries(claims, lambdaContext);
        }

        if (authorizer.Iam is { } iam)
        {
            AddEntries(claims, iam);
        }

        return Create(claims);
    }

    private static ClaimsPrincipal? Create(List<Claim> claims) =>
        claims.Count == 0 ? null : new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));

    private static void AddEntries(List<Claim> claims, Dictionary<string, JsonElement> entries)
    {
        foreach (var (key, value) in entries)
        {
            if (key != "claims" && ToClaimValue(value) is { } text)
            {
                claims.Add(new Claim(key, text));
            }
        }
    }

    private static void AddObject(List<Claim> claims, JsonElement entries)
    {
        foreach (var property in entries.EnumerateObject())
        {
            if (ToClaimValue(property.Value) is { } text)
            {
                claims.Add(new Claim(property.Name, text));
            }
        }
    }

    // Strings as they are; numbers, booleans, objects and arrays as their JSON text ("9", "true", "[1,2]").
    private static string? ToClaimValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
