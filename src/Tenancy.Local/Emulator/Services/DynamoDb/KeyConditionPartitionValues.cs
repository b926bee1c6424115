using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// Finds the partition key value(s) a Query names: the <c>:value</c> compared with <c>=</c> to the partition key
/// attribute in <c>KeyConditionExpression</c> (names resolved through <c>ExpressionAttributeNames</c>, values through
/// <c>ExpressionAttributeValues</c>), or the <c>EQ</c> entry of the legacy <c>KeyConditions</c>.
/// </summary>
public static partial class KeyConditionPartitionValues
{
    public static List<string> Find(JsonObject request, string partitionKey)
    {
        var values = new List<string>();
        if (request["KeyConditionExpression"]?.GetValue<string>() is { } expression)
        {
            var names = request["ExpressionAttributeNames"] as JsonObject;
            var attributeValues = request["ExpressionAttributeValues"] as JsonObject;
            var tokens = Token().Matches(expression).Select(m => m.Value).ToList();
            for (var i = 1; i + 1 < tokens.Count; i++)
            {
                if (tokens[i] != "=")
                {
                    continue;
                }

                var (left, right) = (tokens[i - 1], tokens[i + 1]);
                var placeholder = IsPartitionKey(left, names, partitionKey) && right.StartsWith(':') ? right
                    : IsPartitionKey(right, names, partitionKey) && left.StartsWith(':') ? left
                    : null;
                if (placeholder is not null && AttributeValueText.Of(attributeValues?[placeholder]) is { } value)
                {
                    values.Add(value);
                }
            }
        }
        else if (request["KeyConditions"]?[partitionKey] is JsonObject legacy
                 && legacy["ComparisonOperator"]?.GetValue<string>() == "EQ"
                 && AttributeValueText.Of(legacy["AttributeValueList"]?.AsArray().FirstOrDefault()) is { } legacyValue)
        {
            values.Add(legacyValue);
        }

        return values;
    }

    private static bool IsPartitionKey(string token, JsonObject? names, string partitionKey) =>
        token.StartsWith('#')
            ? names?[token]?.GetValue<string>() == partitionKey
            : token == partitionKey;

    [GeneratedRegex(@"#[A-Za-z0-9_]+|:[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_.]*|<=|>=|<>|[=<>(),]")]
    private static partial Regex Token();
}
