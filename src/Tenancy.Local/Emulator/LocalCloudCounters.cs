using System.Collections.Concurrent;

namespace Tenancy.Local.Emulator;

/// <summary>
/// Call counters for tests and metrics ("1 STS AssumeRole per tenant for 1,000 requests"). Names are
/// <c>service:Action</c>, with per-key (<c>kms:Decrypt:key/&lt;id&gt;</c>) and per-tenant
/// (<c>sts:AssumeRole:tenant/&lt;id&gt;</c>, <c>kms:GenerateDataKey:tenant/&lt;id&gt;</c>) breakdowns, and
/// <c>denied:service:Action</c> for requests the local IAM refused.
/// </summary>
public sealed class LocalCloudCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Increment(string name) => _counts.AddOrUpdate(name, 1, (_, n) => n + 1);

    public long Get(string name) => _counts.TryGetValue(name, out var n) ? n : 0;

    /// <summary>STS calls of <paramref name="action"/>, optionally only those whose session tag TenantID was <paramref name="tenantId"/>.</summary>
    public long Sts(string action, string? tenantId = null) => Get(tenantId is null ? $"sts:{action}" : $"sts:{action}:tenant/{tenantId}");

    /// <summary>KMS calls of <paramref name="action"/>, optionally for one key id (not alias) only.</summary>
    public long Kms(string action, string? keyId = null) => Get(keyId is null ? $"kms:{action}" : $"kms:{action}:key/{keyId}");

    /// <summary>KMS calls of <paramref name="action"/> on keys tagged <c>TenantID=<paramref name="tenantId"/></c>.</summary>
    public long KmsForTenant(string action, string tenantId) => Get($"kms:{action}:tenant/{tenantId}");

    public long DynamoDb(string action) => Get($"dynamodb:{action}");

    /// <summary>Requests the local IAM denied, e.g. <c>Denied("dynamodb", "GetItem")</c>; without an action, all of the service.</summary>
    public long Denied(string service, string? action = null) => Get(action is null ? $"denied:{service}" : $"denied:{service}:{action}");

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
