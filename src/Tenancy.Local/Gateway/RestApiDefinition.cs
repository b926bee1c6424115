namespace Tenancy.Local.Gateway;

/// <summary>
/// What the front takes from the template's REST API: the stage, the integration function, the Lambda authorizer
/// (function, identity headers, cache TTL), the gateway responses and the usage plans.
/// </summary>
public sealed record RestApiDefinition(
    string ApiLogicalId,
    string StageName,
    string IntegrationFunction,
    string? AuthorizerFunction,
    IReadOnlyList<string> IdentityHeaders,
    TimeSpan AuthorizerTtl,
    bool ApiKeyRequired,
    IReadOnlyDictionary<string, GatewayResponse> GatewayResponses,
    IReadOnlyDictionary<string, UsagePlanLimits> UsagePlans)
{
    /// <summary>A REST API id as API Gateway shapes them (10 lower-case characters), fixed for the local front.</summary>
    public const string LocalApiId = "tenancylcl";

    public GatewayResponse Response(string type) =>
        GatewayResponses.TryGetValue(type, out var configured) ? configured : GatewayResponse.Default(type);

    public string MethodArn(string httpMethod, string path) =>
        $"arn:aws:execute-api:{Emulator.LocalAccount.Region}:{Emulator.LocalAccount.Id}:{LocalApiId}/{StageName}/{httpMethod}{path}";
}
