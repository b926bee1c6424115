using System.Text.Json.Nodes;
using Tenancy.Identity;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Lambda;

namespace Tenancy.ControlPlane.Identity;

/// <summary>
/// The Cognito pre-token-generation trigger (event version 2, <c>LambdaVersion: V2_0</c>). The tenant comes from the
/// user's immutable <c>custom:tenantID</c> attribute and the tier from the registry, never from the client; the tenant
/// must be <see cref="TenantStatus.Active"/>. It adds <c>custom:tenantID</c> and <c>custom:tier</c> to the access
/// token (the API and the authorizer read them) and the <c>https://aws.amazon.com/tags</c> session-tag claim to the ID
/// token (read by STS <c>AssumeRoleWithWebIdentity</c>). Anything unexpected throws, so no token is issued.
/// </summary>
public sealed class PreTokenGenerationFunction
{
    public const string TierClaim = "custom:tier";
    public const string SessionTagsClaim = "https://aws.amazon.com/tags";
    public const string TenantTagKey = "TenantID";

    private readonly ITenantRegistry _registry;

    public PreTokenGenerationFunction(ITenantRegistry registry) => _registry = registry;

    public async Task<JsonObject> HandleAsync(JsonObject cognitoEvent, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cognitoEvent);
        if (Text(cognitoEvent["version"]) != "2")
        {
            throw new PreTokenGenerationRefusedException("Only version 2 (V2_0) pre-token-generation events are handled.");
        }

        if (Text(cognitoEvent["triggerSource"]) is not { } source || !source.StartsWith("TokenGeneration_", StringComparison.Ordinal))
        {
            throw new PreTokenGenerationRefusedException("The event is not a token-generation trigger.");
        }

        var attributes = cognitoEvent["request"]?["userAttributes"] as JsonObject
            ?? throw new PreTokenGenerationRefusedException("The event carries no user attributes.");
        var attribute = Text(attributes[AccessTokenVerifier.TenantClaim])
            ?? throw new PreTokenGenerationRefusedException($"The user has no {AccessTokenVerifier.TenantClaim} attribute.");
        if (!TenantId.TryParse(attribute, out var tenantId, out var error))
        {
            throw new PreTokenGenerationRefusedException($"The user's {AccessTokenVerifier.TenantClaim} attribute is not a valid tenant id: {error}");
        }

        TenantRegistration? registration;
        try
        {
            registration = await _registry.FindAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }
        catch (TenantAccessDeniedException)
        {
            throw new PreTokenGenerationRefusedException($"Tenant '{tenantId.Value}' is not served.");
        }

        if (registration is null)
        {
            throw new PreTokenGenerationRefusedException($"Tenant '{tenantId.Value}' is not registered.");
        }

        if (registration.Status != TenantStatus.Active)
        {
            throw new PreTokenGenerationRefusedException($"Tenant '{tenantId.Value}' is not active.");
        }

        cognitoEvent["response"] = Response(tenantId, registration.Tier);
        return cognitoEvent;
    }

    private static JsonObject Response(TenantId tenantId, TenantTier tier) => new()
    {
        ["claimsAndScopeOverrideDetails"] = new JsonObject
        {
            ["idTokenGeneration"] = new JsonObject
            {
                ["claimsToAddOrOverride"] = new JsonObject
                {
                    [SessionTagsClaim] = new JsonObject
                    {
                        ["principal_tags"] = new JsonObject { [TenantTagKey] = new JsonArray(tenantId.Value) },
                        ["transitive_tag_keys"] = new JsonArray(TenantTagKey),
                    },
                },
            },
            ["accessTokenGeneration"] = new JsonObject
            {
                ["claimsToAddOrOverride"] = new JsonObject
                {
                    [AccessTokenVerifier.TenantClaim] = tenantId.Value,
                    [TierClaim] = TenantRegistryItemCodec.TierName(tier),
                },
            },
        },
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
