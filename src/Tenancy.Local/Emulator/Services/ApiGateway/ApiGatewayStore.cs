using System.Security.Cryptography;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>
/// API keys, usage plans and the keys attached to each plan, with API Gateway's rules: key values of 20 to 128
/// characters and unique, a key in at most one plan (every local plan covers the one API stage, and a key cannot
/// reference two plans for the same stage), deleting a key detaches it.
/// </summary>
public sealed class ApiGatewayStore : IApiKeyUsagePlans
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string ValueAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocalApiKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalUsagePlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _planOfKey = new(StringComparer.Ordinal);

    public LocalUsagePlan AddUsagePlan(string name, string? description, double rateLimit, int burstLimit, int? quotaLimit, string? quotaPeriod)
    {
        var plan = new LocalUsagePlan(RandomNumberGenerator.GetString(IdAlphabet, 6), name, description, rateLimit, burstLimit, quotaLimit, quotaPeriod);
        lock (_gate)
        {
            _plans.Add(plan.Id, plan);
        }

        return plan;
    }

    public IReadOnlyList<LocalUsagePlan> UsagePlans
    {
        get
        {
            lock (_gate)
            {
                return _plans.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>The plan named <paramref name="name"/>, or null.</summary>
    public LocalUsagePlan? UsagePlanNamed(string name) => UsagePlans.FirstOrDefault(p => p.Name == name);

    public LocalApiKey CreateApiKey(string? name, string? description, string? customerId, bool enabled, string? value, IReadOnlyDictionary<string, string> tags, DateTimeOffset now)
    {
        if (value is not null && value.Length is < 20 or > 128)
        {
            throw new AwsServiceException(400, "BadRequestException", "API Key value should be at least 20 characters");
        }

        lock (_gate)
        {
            if (value is not null && _keys.Values.Any(k => k.Value == value))
            {
                throw new AwsServiceException(409, "ConflictException", "API Key already exists");
            }

            var key = new LocalApiKey(RandomNumberGenerator.GetString(IdAlphabet, 10), value ?? RandomNumberGenerator.GetString(ValueAlphabet, 40), name, description, customerId, enabled, now, tags);
            _keys.Add(key.Id, key);
            return key;
        }
    }

    public LocalApiKey ApiKey(string id)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(id, out var key) ? key : throw NotFound("Invalid API Key identifier specified");
        }
    }

    public IReadOnlyList<LocalApiKey> ApiKeys
    {
        get
        {
            lock (_gate)
            {
                return _keys.Values.OrderBy(k => k.CreatedDate).ThenBy(k => k.Id, StringComparer.Ordinal).ToArray();
            }
        }
    }

    public void DeleteApiKey(string id)
    {
        lock (_gate)
        {
            if (!_keys.Remove(id))
            {
                throw NotFound("Invalid API Key identifier specified");
            }

            _planOfKey.Remove(id);
        }
    }

    public LocalApiKey AttachKey(string planId, string keyId, string? keyType)
    {
        if (keyType != "API_KEY")
        {
            throw new AwsServiceException(400, "BadRequestException", "Invalid key type specified");
        }

        lock (_gate)
        {
            var plan = _plans.TryGetValue(planId, out var found) ? found : throw NotFound($"Invalid Usage Plan ID specified");
            var key = _keys.TryGetValue(keyId, out var k) ? k : throw NotFound("Invalid API Key identifier specified");
            if (_planOfKey.TryGetValue(keyId, out var current))
            {
                throw current == plan.Id
                    ? new AwsServiceException(409, "ConflictException", $"Usage Plan {plan.Id} cannot be added because API Key {keyId} already references it")
                    : new AwsServiceException(409, "ConflictException", $"Usage Plan {plan.Id} cannot be added because API Key {keyId} cannot reference multiple Usage Plans with the same API Stage");
            }

            _planOfKey[keyId] = plan.Id;
            return key;
        }
    }

    public void DetachKey(string planId, string keyId)
    {
        lock (_gate)
        {
            if (!_plans.ContainsKey(planId))
            {
                throw NotFound("Invalid Usage Plan ID specified");
            }

            if (!_planOfKey.TryGetValue(keyId, out var current) || current != planId)
            {
                throw NotFound("Invalid Usage Plan Key identifier specified");
            }

            _planOfKey.Remove(keyId);
        }
    }

    public IReadOnlyList<LocalApiKey> KeysOf(string planId)
    {
        lock (_gate)
        {
            if (!_plans.ContainsKey(planId))
            {
                throw NotFound("Invalid Usage Plan ID specified");
            }

            return _planOfKey.Where(p => p.Value == planId).Select(p => _keys[p.Key]).OrderBy(k => k.Id, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The plan a key is attached to, or null.</summary>
    public LocalUsagePlan? PlanOf(string keyId)
    {
        lock (_gate)
        {
            return _planOfKey.TryGetValue(keyId, out var planId) ? _plans[planId] : null;
        }
    }

    public ApiKeyUsagePlan? FindByApiKeyValue(string apiKeyValue)
    {
        lock (_gate)
        {
            var key = _keys.Values.FirstOrDefault(k => k.Enabled && k.Value == apiKeyValue);
            if (key is null || !_planOfKey.TryGetValue(key.Id, out var planId))
            {
                return null;
            }

            var plan = _plans[planId];
            return new ApiKeyUsagePlan(key.Id, plan.Id, plan.Name, plan.RateLimit, plan.BurstLimit, plan.QuotaLimit, plan.QuotaPeriod);
        }
    }

    private static AwsServiceException NotFound(string message) => new(404, "NotFoundException", message);
}
