namespace Tenancy.Local.Gateway;

/// <summary>
/// What the front takes from the template's REST API: the stage, the integration function, the Lambda authorizer
/// (function, identity headers, cache TTL), and the gateway responses (usage plans and keys live in
/// the local cloud's API Gateway store).
/// </summary>
public sealed record RestApiDefinition(
    string ApiLogicalId,
    string StageName,
    string IntegrationFunction,
    string? AuthorizerFunction,
    IReadOnlyList<string> IdentityHeaders,
    TimeSpan AuthorizerTtl,
    bool ApiKeyRequired,
    IReadOnlyDictionary<string, GatewayResponse> GatewayResponses)
{
    /// <summary>A REST API id as API Gateway shapes them (10 lower-case characters), fixed for the local front.</summary>
    public const string LocalApiId = "tenancylcl";

    public GatewayResponse Response(string type) =>
        GatewayResponses.TryGetValue(type, out var configured) ? configured : GatewayResponse.Default(type);

    public string MethodArn(string httpMethod, string path) =>
        $"arn:aws:execute-api:{Emulator.LocalAccount.Region}:{Emulator.LocalAccount.Id}:{LocalApiId}/{StageName}/{httpMethod}{path}";
}
