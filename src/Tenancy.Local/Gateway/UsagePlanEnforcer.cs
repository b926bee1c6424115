using Tenancy.Local.Emulator.Services.ApiGateway;

namespace Tenancy.Local.Gateway;

/// <summary>
/// API Gateway's per-key enforcement of a usage plan: a token bucket (refilled at the plan's rate, holding at most
/// its burst) and a quota per DAY, WEEK or MONTH. Each API key has its own bucket and count, so one tenant's traffic
/// never spends another's.
/// </summary>
public sealed class UsagePlanEnforcer(TimeProvider time)
{
    private readonly Dictionary<string, KeyState> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public UsageDecision TryConsume(ApiKeyUsagePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_states.TryGetValue(plan.ApiKeyId, out var state))
            {
                _states[plan.ApiKeyId] = state = new KeyState(plan.BurstLimit, now);
            }

            state.Refill(plan, now);
            if (plan.QuotaLimit is { } quota)
            {
                state.RollPeriod(QuotaPeriod.StartOf(plan.QuotaPeriod, now));
                if (state.UsedInPeriod >= quota)
                {
                    return UsageDecision.QuotaExceeded;
                }
            }

            if (state.Tokens < 1)
            {
                return UsageDecision.Throttled;
            }

            state.Tokens -= 1;
            state.Count();
            return UsageDecision.Allowed;
        }
    }

    private sealed class KeyState(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;

        public long UsedInPeriod { get; private set; }

        private DateTimeOffset RefilledAt { get; set; } = at;

        private DateOnly PeriodStart { get; set; }

        public void Refill(ApiKeyUsagePlan plan, DateTimeOffset now)
        {
            var elapsed = (now - RefilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                Tokens = Math.Min(plan.BurstLimit, Tokens + (elapsed * plan.RateLimit));
                RefilledAt = now;
            }
        }

        public void RollPeriod(DateOnly periodStart)
        {
            if (periodStart != PeriodStart)
            {
                PeriodStart = periodStart;
                UsedInPeriod = 0;
            }
        }

        public void Count() => UsedInPeriod++;
    }
}
