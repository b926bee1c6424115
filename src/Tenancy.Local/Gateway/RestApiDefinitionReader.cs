using System.Globalization;
using Tenancy.Local.Emulator.Template;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Gateway;

/// <summary>
/// Reads the first <c>AWS::Serverless::Api</c> of a template. The authorizer's <c>FunctionArn</c> names a function
/// of the template (<c>!GetAtt X.Arn</c>); when it is a parameter instead (deployed elsewhere), the template's
/// <c>AuthorizerFunction</c> is used if there is one, else the API has no authorizer locally.
/// </summary>
public static class RestApiDefinitionReader
{
    public static RestApiDefinition Read(string templatePath, IReadOnlyCollection<string> functionIds, IReadOnlyDictionary<string, string>? parameterOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(functionIds);
        var root = CloudFormationYaml.Load(templatePath);
        var resolver = new IntrinsicResolver(root, parameterOverrides);
        var resources = root.GetValueOrDefault("Resources") as IReadOnlyDictionary<string, object?> ?? throw new InvalidDataException($"{templatePath} has no Resources.");
        var (apiId, api) = resources
            .Select(r => (r.Key, Resource: r.Value as IReadOnlyDictionary<string, object?>))
            .FirstOrDefault(r => r.Resource?.GetValueOrDefault("Type") as string == "AWS::Serverless::Api");
        if (api is null)
        {
            throw new InvalidDataException($"{templatePath} has no AWS::Serverless::Api.");
        }

        var properties = Map(api.GetValueOrDefault("Properties"));
        var auth = Map(properties.GetValueOrDefault("Auth"));
        var authorizers = Map(auth.GetValueOrDefault("Authorizers"));
        var authorizer = auth.GetValueOrDefault("DefaultAuthorizer") is string defaultName ? Map(authorizers.GetValueOrDefault(defaultName)) : null;
        var identity = Map(authorizer?.GetValueOrDefault("Identity"));

        return new RestApiDefinition(
            apiId,
            properties.GetValueOrDefault("StageName") is { } stage ? resolver.ResolveString(stage) : "prod",
            functionIds.Contains(TemplateFunctionReader.ApiFunctionLogicalId) ? TemplateFunctionReader.ApiFunctionLogicalId : functionIds.First(),
            authorizer is null ? null : AuthorizerFunction(authorizer.GetValueOrDefault("FunctionArn"), functionIds),
            (identity.GetValueOrDefault("Headers") as IReadOnlyList<object?>)?.OfType<string>().ToList() ?? ["Authorization"],
            TimeSpan.FromSeconds(identity.GetValueOrDefault("ReauthorizeEvery") is { } ttl ? int.Parse(resolver.ResolveString(ttl), CultureInfo.InvariantCulture) : 300),
            auth.GetValueOrDefault("ApiKeyRequired") is string required && bool.Parse(required),
            GatewayResponses(resolver, Map(properties.GetValueOrDefault("GatewayResponses"))));
    }

    private static string? AuthorizerFunction(object? functionArn, IReadOnlyCollection<string> functionIds)
    {
        var named = functionArn switch
        {
            IReadOnlyDictionary<string, object?> map when map.GetValueOrDefault("Fn::GetAtt") is IReadOnlyList<object?> { Count: 2 } getAtt => getAtt[0] as string,
            IReadOnlyDictionary<string, object?> map when map.GetValueOrDefault("Fn::GetAtt") is string dotted => dotted.Split('.')[0],
            _ => null,
        };
        return named is not null && functionIds.Contains(named) ? named
            : functionIds.Contains("AuthorizerFunction") ? "AuthorizerFunction"
            : null;
    }

    private static Dictionary<string, GatewayResponse> GatewayResponses(IntrinsicResolver resolver, IReadOnlyDictionary<string, object?> configured)
    {
        var responses = new Dictionary<string, GatewayResponse>(StringComparer.Ordinal);
        foreach (var (type, node) in configured)
        {
            var response = Map(node);
            var fallback = GatewayResponse.Default(type);
            var headers = Map(Map(response.GetValueOrDefault("ResponseParameters")).GetValueOrDefault("Headers"))
                .ToDictionary(h => h.Key, h => resolver.ResolveString(h.Value).Trim('\''), StringComparer.Ordinal);
            var body = Map(response.GetValueOrDefault("ResponseTemplates")).GetValueOrDefault("application/json") is { } template
                ? resolver.ResolveString(template)
                : fallback.Body;
            var status = response.GetValueOrDefault("StatusCode") is { } code ? int.Parse(resolver.ResolveString(code), CultureInfo.InvariantCulture) : fallback.StatusCode;
            responses[type] = new GatewayResponse(status, headers.Count > 0 ? headers : fallback.Headers, body);
        }

        return responses;
    }

    private static IReadOnlyDictionary<string, object?> Map(object? node) =>
        node as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}
