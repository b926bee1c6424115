namespace Tenancy.Local.Gateway;

/// <summary>
/// API Gateway's per-key enforcement of a usage plan: a token bucket (refilled at the plan's rate, holding at most
/// its burst) and a quota per UTC day. Each API key has its own bucket and count, so one tenant's traffic never
/// spends another's.
/// </summary>
public sealed class UsagePlanEnforcer(TimeProvider time)
{
    private readonly Dictionary<string, KeyState> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public UsageDecision TryConsume(string apiKeyValue, UsagePlanLimits plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_states.TryGetValue(apiKeyValue, out var state))
            {
                _states[apiKeyValue] = state = new KeyState(plan.BurstLimit, now);
            }

            state.Refill(plan, now);
            if (plan.DailyQuota is { } quota)
            {
                state.RollDay(now);
                if (state.UsedToday >= quota)
                {
                    return UsageDecision.QuotaExceeded;
                }
            }

            if (state.Tokens < 1)
            {
                return UsageDecision.Throttled;
            }

            state.Tokens -= 1;
            state.UsedToday++;
            return UsageDecision.Allowed;
        }
    }

    private sealed class KeyState(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;

        public long UsedToday { get; set; }

        private DateTimeOffset RefilledAt { get; set; } = at;

        private DateOnly Day { get; set; } = DateOnly.FromDateTime(at.UtcDateTime);

        public void Refill(UsagePlanLimits plan, DateTimeOffset now)
        {
            var elapsed = (now - RefilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                Tokens = Math.Min(plan.BurstLimit, Tokens + (elapsed * plan.RateLimit));
                RefilledAt = now;
            }
        }

        public void RollDay(DateTimeOffset now)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (today != Day)
            {
                Day = today;
                UsedToday = 0;
            }
        }
    }
}
