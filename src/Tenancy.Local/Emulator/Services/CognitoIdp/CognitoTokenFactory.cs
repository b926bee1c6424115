using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.Identity;

namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>
/// Builds the ID and access tokens Cognito issues for a sign-in, in Cognito's claim shapes (custom attributes only in
/// the ID token; <c>client_id</c>, <c>username</c>, <c>scope</c> in the access token; <c>cognito:groups</c> in both),
/// runs the pool's pre token generation V2_0 trigger on them, and signs them with the local issuer's keys.
/// </summary>
public sealed class CognitoTokenFactory
{
    public const string DefaultScope = "aws.cognito.signin.user.admin";

    // Claims a pre token generation trigger cannot add, override or suppress.
    private static readonly HashSet<string> ProtectedClaims = new(StringComparer.Ordinal)
    {
        "acr", "amr", "aud", "at_hash", "auth_time", "azp", "client_id", "cognito:username", "exp", "iat", "identities", "iss",
        "jti", "nbf", "nonce", "origin_jti", "scope", "sub", "token_use", "username", "event_id", "version",
    };

    private readonly LocalIssuer _issuer;
    private readonly PreTokenGenerationTrigger _trigger;
    private readonly TimeProvider _time;

    public CognitoTokenFactory(LocalIssuer issuer, PreTokenGenerationTrigger trigger, TimeProvider time)
    {
        _issuer = issuer;
        _trigger = trigger;
        _time = time;
    }

    public TimeSpan Lifetime => _issuer.TokenLifetime;

    /// <summary>Signed (IdToken, AccessToken) for <paramref name="user"/>; throws the trigger's Cognito error instead when it fails.</summary>
    public async Task<(string IdToken, string AccessToken)> IssueAsync(CognitoUserPool pool, CognitoUser user, string triggerSource, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var (attributes, groups) = pool.Locked(() => (new Dictionary<string, string>(user.Attributes, StringComparer.Ordinal), pool.GroupsOf(user)));
        var common = new JsonObject
        {
            ["sub"] = user.Subject,
            ["iss"] = _issuer.IssuerUrl,
            ["origin_jti"] = Guid.NewGuid().ToString(),
            ["event_id"] = Guid.NewGuid().ToString(),
            ["auth_time"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + _issuer.TokenLifetime).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
        };

        var id = (JsonObject)common.DeepClone();
        id["token_use"] = "id";
        id["aud"] = pool.ClientId;
        id["cognito:username"] = user.Username;
        foreach (var (name, value) in attributes.Where(a => a.Key != "sub"))
        {
            id[name] = name is "email_verified" or "phone_number_verified" ? JsonValue.Create(value == "true") : JsonValue.Create(value);
        }

        var access = (JsonObject)common.DeepClone();
        access["token_use"] = "access";
        access["client_id"] = pool.ClientId;
        access["username"] = user.Username;
        var scopes = new List<string> { DefaultScope };

        if (pool.PreTokenGenerationFunction is { } function)
        {
            var triggerEvent = TriggerEvent(pool, user, triggerSource, attributes, groups, scopes);
            if (await _trigger.InvokeAsync(function, triggerEvent, cancellationToken).ConfigureAwait(false) is { } details)
            {
                Apply(details["idTokenGeneration"] as JsonObject, id);
                Apply(details["accessTokenGeneration"] as JsonObject, access);
                ApplyScopes(details["accessTokenGeneration"] as JsonObject, scopes);
                if (details["groupOverrideDetails"]?["groupsToOverride"] is JsonArray overridden)
                {
                    groups = overridden.Select(g => g is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray();
                }
            }
        }

        access["scope"] = string.Join(' ', scopes);
        foreach (var token in new[] { id, access })
        {
            if (groups.Count > 0)
            {
                token["cognito:groups"] = new JsonArray(groups.Select(g => (JsonNode)JsonValue.Create(g)).ToArray());
            }

            token["jti"] = Guid.NewGuid().ToString();
        }

        return (_issuer.SignClaims(id), _issuer.SignClaims(access));
    }

    private static JsonObject TriggerEvent(CognitoUserPool pool, CognitoUser user, string triggerSource, Dictionary<string, string> attributes, IReadOnlyList<string> groups, List<string> scopes)
    {
        var userAttributes = new JsonObject { ["cognito:user_status"] = user.StatusText };
        foreach (var (name, value) in attributes)
        {
            userAttributes[name] = value;
        }

        return new JsonObject
        {
            ["version"] = "2",
            ["triggerSource"] = triggerSource,
            ["region"] = LocalAccount.Region,
            ["userPoolId"] = pool.UserPoolId,
            ["userName"] = user.Username,
            ["callerContext"] = new JsonObject { ["awsSdkVersion"] = "aws-sdk-unknown-unknown", ["clientId"] = pool.ClientId },
            ["request"] = new JsonObject
            {
                ["userAttributes"] = userAttributes,
                ["groupConfiguration"] = new JsonObject
                {
                    ["groupsToOverride"] = new JsonArray(groups.Select(g => (JsonNode)JsonValue.Create(g)).ToArray()),
                    ["iamRolesToOverride"] = new JsonArray(),
                    ["preferredRole"] = null,
                },
                ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            },
            ["response"] = new JsonObject { ["claimsAndScopeOverrideDetails"] = null },
        };
    }

    private static void Apply(JsonObject? generation, JsonObject claims)
    {
        if (generation is null)
        {
            return;
        }

        foreach (var (name, value) in generation["claimsToAddOrOverride"] as JsonObject ?? [])
        {
            if (!ProtectedClaims.Contains(name))
            {
                claims[name] = value?.DeepClone();
            }
        }

        foreach (var name in (generation["claimsToSuppress"] as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null))
        {
            if (name is not null && !ProtectedClaims.Contains(name))
            {
                claims.Remove(name);
            }
        }
    }

    private static void ApplyScopes(JsonObject? generation, List<string> scopes)
    {
        foreach (var scope in Strings(generation?["scopesToAdd"]))
        {
            if (!scopes.Contains(scope))
            {
                scopes.Add(scope);
            }
        }

        scopes.RemoveAll(Strings(generation?["scopesToSuppress"]).Contains);
    }

    private static string[] Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray();
}
