using System.Text.Json;

namespace Tenancy.Local.Gateway;

/// <summary>
/// A Lambda authorizer's answer as API Gateway reads it: the principal, whether the policy allows the method ARN,
/// the context (flat string/number/boolean values) and the API key value (<c>usageIdentifierKey</c>).
/// </summary>
public sealed record AuthorizerDecision(
    string PrincipalId,
    IReadOnlyList<(string Effect, string Resource)> Statements,
    IReadOnlyDictionary<string, JsonElement> Context,
    string? UsageIdentifierKey)
{
    /// <summary>Explicit deny wins; otherwise an allow statement must match the method ARN, as IAM evaluates it.</summary>
    public bool Allows(string methodArn)
    {
        var matching = Statements.Where(s => ArnPattern.Matches(s.Resource, methodArn)).ToList();
        return matching.Count > 0
               && !matching.Any(s => string.Equals(s.Effect, "Deny", StringComparison.OrdinalIgnoreCase))
               && matching.Any(s => string.Equals(s.Effect, "Allow", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads the authorizer output; null when it is not a valid one (API Gateway then answers 500).</summary>
    public static AuthorizerDecision? Parse(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("principalId", out var principal) || principal.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("policyDocument", out var policy) || policy.ValueKind != JsonValueKind.Object
                || !policy.TryGetProperty("Statement", out var statementNode))
            {
                return null;
            }

            var statements = new List<(string, string)>();
            foreach (var statement in statementNode.ValueKind == JsonValueKind.Array ? statementNode.EnumerateArray().ToList() : [statementNode])
            {
                var effect = statement.TryGetProperty("Effect", out var e) ? e.GetString() ?? string.Empty : string.Empty;
                if (!statement.TryGetProperty("Resource", out var resources))
                {
                    continue;
                }

                foreach (var resource in resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray().ToList() : [resources])
                {
                    statements.Add((effect, resource.GetString() ?? string.Empty));
                }
            }

            var context = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (root.TryGetProperty("context", out var contextNode) && contextNode.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in contextNode.EnumerateObject())
                {
                    // API Gateway refuses nested values in the context (the authorizer fails).
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        return null;
                    }

                    context[property.Name] = property.Value.Clone();
                }
            }

            var key = root.TryGetProperty("usageIdentifierKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            return new AuthorizerDecision(principal.GetString()!, statements, context, key);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
