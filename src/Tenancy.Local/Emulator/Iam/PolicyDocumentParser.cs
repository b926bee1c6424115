using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// Reads a policy document from a plain tree (maps, lists, strings — what the template loader produces after
/// resolving intrinsic functions) or from JSON (session policies). Unknown statement elements are refused.
/// </summary>
public static class PolicyDocumentParser
{
    public static PolicyDocument Parse(string name, object? tree)
    {
        if (tree is not IReadOnlyDictionary<string, object?> document || !document.TryGetValue("Statement", out var statementNode))
        {
            throw new PolicyFormatException($"Policy '{name}' has no Statement.");
        }

        var statements = statementNode switch
        {
            IReadOnlyList<object?> list => list.Select(s => ParseStatement(name, s)).ToList(),
            _ => [ParseStatement(name, statementNode)],
        };
        return new PolicyDocument(name, statements);
    }

    public static PolicyDocument ParseJson(string name, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new PolicyFormatException($"Policy '{name}' is not valid JSON.", ex);
        }

        return Parse(name, FromJson(node));
    }

    private static PolicyStatement ParseStatement(string policyName, object? node)
    {
        if (node is not IReadOnlyDictionary<string, object?> statement)
        {
            throw new PolicyFormatException($"Policy '{policyName}' has a statement that is not a map.");
        }

        foreach (var key in statement.Keys)
        {
            if (key is not ("Sid" or "Effect" or "Action" or "NotAction" or "Resource" or "NotResource" or "Principal" or "Condition"))
            {
                throw new PolicyFormatException($"Policy '{policyName}' has an unsupported statement element '{key}'.");
            }
        }

        var effect = Text(statement, "Effect") ?? throw new PolicyFormatException($"Policy '{policyName}' has a statement without Effect.");
        var actions = Strings(statement, "Action");
        var notActions = Strings(statement, "NotAction");
        if ((actions is null) == (notActions is null))
        {
            throw new PolicyFormatException($"Policy '{policyName}': a statement needs exactly one of Action or NotAction.");
        }

        return new PolicyStatement(
            Text(statement, "Sid"),
            effect switch
            {
                "Allow" => true,
                "Deny" => false,
                _ => throw new PolicyFormatException($"Policy '{policyName}' has Effect '{effect}'."),
            },
            actions,
            notActions,
            Strings(statement, "Resource"),
            Strings(statement, "NotResource"),
            ParsePrincipal(statement.GetValueOrDefault("Principal")),
            ParseConditions(policyName, statement.GetValueOrDefault("Condition")));
    }

    private static PolicyPrincipal? ParsePrincipal(object? node) => node switch
    {
        null => null,
        "*" => new PolicyPrincipal(true, new Dictionary<string, IReadOnlyList<string>>()),
        IReadOnlyDictionary<string, object?> map => new PolicyPrincipal(
            false,
            map.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)(AsStrings(kv.Value) ?? []), StringComparer.Ordinal)),
        _ => throw new PolicyFormatException("Principal must be \"*\" or a map."),
    };

    private static List<PolicyCondition> ParseConditions(string policyName, object? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not IReadOnlyDictionary<string, object?> blocks)
        {
            throw new PolicyFormatException($"Policy '{policyName}' has a Condition that is not a map.");
        }

        var conditions = new List<PolicyCondition>();
        foreach (var (operatorText, keysNode) in blocks)
        {
            var op = ConditionOperator.Parse(operatorText);
            if (keysNode is not IReadOnlyDictionary<string, object?> keys)
            {
                throw new PolicyFormatException($"Policy '{policyName}': condition '{operatorText}' is not a map of keys.");
            }

            foreach (var (key, values) in keys)
            {
                conditions.Add(new PolicyCondition(op, key, AsStrings(values) ?? []));
            }
        }

        return conditions;
    }

    private static string? Text(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as string;

    private static List<string>? Strings(IReadOnlyDictionary<string, object?> map, string key) => AsStrings(map.GetValueOrDefault(key));

    private static List<string>? AsStrings(object? node) => node switch
    {
        null => null,
        string s => [s],
        IReadOnlyList<object?> list => list.Select(i => i as string ?? throw new PolicyFormatException("Expected a string in a policy list.")).ToList(),
        _ => throw new PolicyFormatException("Expected a string or a list of strings."),
    };

    /// <summary>Converts JSON to the same tree shape the template loader produces.</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(kv => kv.Key, kv => FromJson(kv.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
            System.Text.Json.JsonValueKind.True => "true",
            System.Text.Json.JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        },
        _ => null,
    };
}
