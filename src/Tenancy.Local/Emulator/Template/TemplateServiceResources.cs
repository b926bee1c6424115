using System.Globalization;
using Tenancy.Local.Emulator.Services.CognitoIdp;

namespace Tenancy.Local.Emulator.Template;

/// <summary>Reads the template resources that seed the local API Gateway and Cognito: usage plans and user pools.</summary>
public static class TemplateServiceResources
{
    public static TemplateUsagePlan ReadUsagePlan(string logicalId, IReadOnlyDictionary<string, object?> properties, IntrinsicResolver resolver)
    {
        var throttle = properties.GetValueOrDefault("Throttle") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var quota = properties.GetValueOrDefault("Quota") as IReadOnlyDictionary<string, object?>;
        return new TemplateUsagePlan(
            logicalId,
            properties.GetValueOrDefault("UsagePlanName") is { } name ? resolver.ResolveString(name) : logicalId,
            properties.GetValueOrDefault("Description") is { } description ? resolver.ResolveString(description) : null,
            // API Gateway's account-level defaults apply when a plan sets no throttle.
            throttle.GetValueOrDefault("RateLimit") is { } rate ? double.Parse(resolver.ResolveString(rate), CultureInfo.InvariantCulture) : 10_000,
            throttle.GetValueOrDefault("BurstLimit") is { } burst ? int.Parse(resolver.ResolveString(burst), CultureInfo.InvariantCulture) : 5_000,
            quota?.GetValueOrDefault("Limit") is { } limit ? int.Parse(resolver.ResolveString(limit), CultureInfo.InvariantCulture) : null,
            quota?.GetValueOrDefault("Period") is { } period ? resolver.ResolveString(period) : null);
    }

    public static TemplateUserPool ReadUserPool(string logicalId, IReadOnlyDictionary<string, object?> properties, IntrinsicResolver resolver)
    {
        var custom = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var attribute in ((properties.GetValueOrDefault("Schema") as IReadOnlyList<object?>) ?? []).OfType<IReadOnlyDictionary<string, object?>>())
        {
            var name = resolver.ResolveString(attribute["Name"]);
            if (CognitoUserPool.IsStandardAttribute(name))
            {
                continue;
            }

            var mutable = attribute.GetValueOrDefault("Mutable") is not { } flag || !string.Equals(resolver.ResolveString(flag), "false", StringComparison.OrdinalIgnoreCase);
            custom["custom:" + name] = mutable;
        }

        var lambdaConfig = properties.GetValueOrDefault("LambdaConfig") as IReadOnlyDictionary<string, object?>;
        var preToken = lambdaConfig?.GetValueOrDefault("PreTokenGenerationConfig") as IReadOnlyDictionary<string, object?>;
        var function = FunctionLogicalId(preToken?.GetValueOrDefault("LambdaArn") ?? lambdaConfig?.GetValueOrDefault("PreTokenGeneration"));
        var version = preToken?.GetValueOrDefault("LambdaVersion") is { } v ? resolver.ResolveString(v) : function is null ? null : "V1_0";
        return new TemplateUserPool(logicalId, custom, function, version);
    }

    // The trigger is written as !GetAtt Function.Arn (list or dotted form); the local cloud invokes it by logical id.
    private static string? FunctionLogicalId(object? node) => node switch
    {
        IReadOnlyDictionary<string, object?> map when map.GetValueOrDefault("Fn::GetAtt") is IReadOnlyList<object?> { Count: 2 } parts => parts[0] as string,
        IReadOnlyDictionary<string, object?> map when map.GetValueOrDefault("Fn::GetAtt") is string dotted => dotted.Split('.')[0],
        _ => null,
    };
}
