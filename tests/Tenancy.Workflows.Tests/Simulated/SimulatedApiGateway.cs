using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>API keys and their usage-plan membership, as the API Gateway management API keeps them.</summary>
public sealed class SimulatedApiGateway(params string[] usagePlanIds) : SimulatedServiceBase
{
    private readonly Dictionary<string, string> _keyValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyTenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _planKeys = usagePlanIds.ToDictionary(p => p, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
    private int _sequence;

    public override string Service => "apigateway";

    protected override string ErrorPrefix => "ApiGateway";

    public IReadOnlyList<string> ApiKeyIds()
    {
        lock (Gate)
        {
            return [.. _keyValues.Keys];
        }
    }

    public IReadOnlyList<string> KeyIdsTaggedWith(string tenantId)
    {
        lock (Gate)
        {
            return [.. _keyValues.Keys.Where(k => _keyTenants.GetValueOrDefault(k) == tenantId)];
        }
    }

    public string ValueOf(string apiKeyId)
    {
        lock (Gate)
        {
            return _keyValues[apiKeyId];
        }
    }

    public IReadOnlyList<string> KeysOf(string usagePlanId)
    {
        lock (Gate)
        {
            return [.. _planKeys[usagePlanId]];
        }
    }

    protected override JsonNode Handle(string action, JsonNode parameters)
    {
        switch (action)
        {
            case "createApiKey":
                var id = $"key{++_sequence:D4}";
                var value = Convert.ToHexString(Guid.NewGuid().ToByteArray());
                _keyValues[id] = value;
                _keyTenants[id] = parameters["Tags"]?["TenantID"]?.GetValue<string>() ?? string.Empty;
                return new JsonObject { ["Id"] = id, ["Value"] = value, ["Name"] = Text(parameters, "Name"), ["Enabled"] = true };
            case "createUsagePlanKey":
                var keyId = Text(parameters, "KeyId");
                if (!_keyValues.ContainsKey(keyId) || !_planKeys.TryGetValue(Text(parameters, "UsagePlanId"), out var keys))
                {
                    throw Error("NotFoundException", "Invalid API Key identifier or usage plan specified.");
                }

                if (!keys.Add(keyId))
                {
                    throw Error("ConflictException", "Usage Plan already contains the key.");
                }

                return new JsonObject { ["Id"] = keyId, ["Type"] = "API_KEY" };
            case "deleteApiKey":
                var deleted = Text(parameters, "ApiKey");
                _keyTenants.Remove(deleted);
                if (!_keyValues.Remove(deleted))
                {
                    throw Error("NotFoundException", "Invalid API Key identifier specified.");
                }

                foreach (var members in _planKeys.Values)
                {
                    members.Remove(deleted);
                }

                return new JsonObject();
            default:
                throw Error("BadRequestException", $"Unsupported action {action}.");
        }
    }
}
