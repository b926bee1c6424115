using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.Kms;

/// <summary>Typed reads of a KMS JSON request body, failing with KMS's ValidationException / SerializationException.</summary>
public sealed class KmsRequest
{
    private readonly JsonObject _body;

    private KmsRequest(JsonObject body)
    {
        _body = body;
    }

    public static KmsRequest Parse(byte[] body)
    {
        try
        {
            return new KmsRequest(body.Length == 0 ? new JsonObject() : JsonNode.Parse(body) as JsonObject ?? throw AwsServiceException.ClientError("SerializationException", "Start of structure expected"));
        }
        catch (JsonException)
        {
            throw AwsServiceException.ClientError("SerializationException", "The request body is not valid JSON.");
        }
    }

    public string? String(string name) => _body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public int? Int(string name) => _body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<int>() : null;

    public byte[]? Blob(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw AwsServiceException.ClientError("SerializationException", $"'{name}' is not valid base64.");
        }
    }

    public IReadOnlyDictionary<string, string> EncryptionContext()
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_body["EncryptionContext"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                context[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? v.GetValue<string>()
                    : throw AwsServiceException.ClientError("SerializationException", "EncryptionContext values must be strings.");
            }
        }

        return context;
    }

    /// <summary>Tags in KMS's shape: <c>[{"TagKey": "…", "TagValue": "…"}]</c>.</summary>
    public IReadOnlyDictionary<string, string> Tags()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_body["Tags"] is JsonArray array)
        {
            foreach (var tag in array.OfType<JsonObject>())
            {
                var key = tag["TagKey"]?.GetValue<string>();
                if (string.IsNullOrEmpty(key) || key.Length > 128)
                {
                    throw AwsServiceException.ClientError("TagException", "Tag keys must be 1 to 128 characters.");
                }

                tags[key] = tag["TagValue"]?.GetValue<string>() ?? string.Empty;
            }
        }

        return tags;
    }

    public IReadOnlyList<string> TagKeys() =>
        _body["TagKeys"] is JsonArray array ? array.Select(k => k?.GetValue<string>() ?? string.Empty).ToList() : [];
}
