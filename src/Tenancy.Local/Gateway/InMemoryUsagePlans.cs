using System.Collections.Concurrent;

namespace Tenancy.Local.Gateway;

/// <summary>Key → plan associations held in memory (what onboarding registers locally, and tests).</summary>
public sealed class InMemoryUsagePlans : IUsagePlanLookup
{
    private readonly ConcurrentDictionary<string, UsagePlanLimits> _byKey = new(StringComparer.Ordinal);

    public void Associate(string apiKeyValue, UsagePlanLimits plan) => _byKey[apiKeyValue] = plan;

    public UsagePlanLimits? Find(string apiKeyValue) => _byKey.GetValueOrDefault(apiKeyValue);
}
