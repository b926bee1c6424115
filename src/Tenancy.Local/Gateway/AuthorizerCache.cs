using System.Collections.Concurrent;

namespace Tenancy.Local.Gateway;

/// <summary>
/// API Gateway's authorizer cache: a decision is reused for the same identity source values until the TTL
/// (<c>ReauthorizeEvery</c>) passes; a TTL of 0 disables caching.
/// </summary>
public sealed class AuthorizerCache(TimeProvider time, TimeSpan ttl)
{
    private readonly ConcurrentDictionary<string, (AuthorizerDecision Decision, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string identity, out AuthorizerDecision decision)
    {
        if (ttl > TimeSpan.Zero && _entries.TryGetValue(identity, out var entry) && entry.Expires > time.GetUtcNow())
        {
            decision = entry.Decision;
            return true;
        }

        decision = null!;
        return false;
    }

    public void Store(string identity, AuthorizerDecision decision)
    {
        if (ttl > TimeSpan.Zero)
        {
            _entries[identity] = (decision, time.GetUtcNow() + ttl);
        }
    }
}
