using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// The top-level attribute names one DynamoDB request (or one table's part of a batch, or one transaction item)
/// touches, for <c>dynamodb:Attributes</c>: the projection (<c>ProjectionExpression</c> or <c>AttributesToGet</c>),
/// the key or item attribute names, and every name in an update, condition, filter or key condition expression,
/// with <c>#placeholders</c> resolved through <c>ExpressionAttributeNames</c>. Nested paths count by their
/// top-level attribute (<c>a.b[0]</c> is <c>a</c>). A placeholder with no definition is kept as written, so it can
/// never match an allowed name: the check fails closed.
/// </summary>
public static partial class AttributeNamesInRequest
{
    private static readonly HashSet<string> ExpressionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE",
    };

    private static readonly string[] Expressions =
    [
        "ProjectionExpression", "UpdateExpression", "ConditionExpression", "FilterExpression", "KeyConditionExpression",
    ];

    /// <summary>The names <paramref name="part"/> touches; <paramref name="itemOrKey"/> is its Item or Key map.</summary>
    public static List<string> Of(JsonObject part, JsonNode? itemOrKey)
    {
        var names = new List<string>();
        if (itemOrKey is JsonObject attributes)
        {
            names.AddRange(attributes.Select(a => a.Key));
        }

        foreach (var attribute in part["AttributesToGet"]?.AsArray() ?? [])
        {
            if (attribute is JsonValue value && value.TryGetValue<string>(out var name))
            {
                names.Add(name);
            }
        }

        foreach (var (name, _) in part["AttributeUpdates"] as JsonObject ?? [])
        {
            names.Add(name);
        }

        foreach (var (name, _) in part["KeyConditions"] as JsonObject ?? [])
        {
            names.Add(name);
        }

        foreach (var (name, _) in part["QueryFilter"] as JsonObject ?? part["ScanFilter"] as JsonObject ?? part["Expected"] as JsonObject ?? [])
        {
            names.Add(name);
        }

        var placeholders = part["ExpressionAttributeNames"] as JsonObject;
        foreach (var member in Expressions)
        {
            if (part[member] is JsonValue text && text.TryGetValue<string>(out var expression))
            {
                names.AddRange(TopLevelNames(expression, placeholders));
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the part asks for specific attributes rather than whole items.</summary>
    public static bool HasProjection(JsonObject part) =>
        part["ProjectionExpression"] is JsonValue || part["AttributesToGet"] is JsonArray;

    private static IEnumerable<string> TopLevelNames(string expression, JsonObject? placeholders)
    {
        foreach (Match match in NameToken().Matches(expression))
        {
            var token = match.Value;
            var start = match.Index;
            var before = start == 0 ? ' ' : PreviousSignificant(expression, start);
            var end = start + token.Length;
            var after = NextSignificant(expression, end);
            if (token.StartsWith(':') || before == '.' || after == '(' || (!token.StartsWith('#') && ExpressionWords.Contains(token)))
            {
                // A nested path segment, a value placeholder's tail, a function name or an expression keyword.
                continue;
            }

            yield return token.StartsWith('#')
                ? placeholders?[token] is JsonValue resolved && resolved.TryGetValue<string>(out var name) ? name : token
                : token;
        }
    }

    private static char PreviousSignificant(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return ' ';
    }

    private static char NextSignificant(string text, int index)
    {
        for (var i = index; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return ' ';
    }

    [GeneratedRegex(@"[#:]?[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex NameToken();
}
