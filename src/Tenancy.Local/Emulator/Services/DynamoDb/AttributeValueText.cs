using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>The string IAM compares for a key attribute value: the S or N text, or the base64 of B.</summary>
public static class AttributeValueText
{
    public static string? Of(JsonNode? attributeValue)
    {
        if (attributeValue is not JsonObject value)
        {
            return null;
        }

        foreach (var type in new[] { "S", "N", "B" })
        {
            if (value[type] is JsonValue scalar && scalar.TryGetValue<string>(out var text))
            {
                return text;
            }
        }

        return null;
    }
}
