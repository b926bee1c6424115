using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Tenancy.Local.Emulator.Services.ApiGateway;
using Tenancy.Local.Gateway;

namespace Tenancy.Local.Tests.Gateway;

/// <summary>API Gateway's quota periods: a quota spent in one DAY, WEEK or MONTH is available again in the next.</summary>
public sealed class UsagePlanEnforcerTests
{
    // Wednesday 2026-12-02 10:00 UTC: the week began on Sunday 2026-11-29, the month on 2026-12-01.
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("DAY", "2026-12-02T23:59:59Z", "2026-12-03T00:00:00Z")]
    [InlineData("WEEK", "2026-12-05T23:59:59Z", "2026-12-06T00:00:00Z")]
    [InlineData("MONTH", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z")]
    public void The_quota_resets_at_the_start_of_the_next_period_and_not_before(string period, string lastMomentOfPeriod, string startOfNextPeriod)
    {
        var clock = new FakeTimeProvider(Wednesday);
        var enforcer = new UsagePlanEnforcer(clock);
        var plan = new ApiKeyUsagePlan("key1", "plan1", "quota-plan", RateLimit: 1000, BurstLimit: 1000, QuotaLimit: 2, QuotaPeriod: period);

        Assert.Equal(UsageDecision.Allowed, enforcer.TryConsume(plan));
        Assert.Equal(UsageDecision.Allowed, enforcer.TryConsume(plan));
        Assert.Equal(UsageDecision.QuotaExceeded, enforcer.TryConsume(plan));
        clock.SetUtcNow(DateTimeOffset.Parse(lastMomentOfPeriod, CultureInfo.InvariantCulture));
        Assert.Equal(UsageDecision.QuotaExceeded, enforcer.TryConsume(plan));
        clock.SetUtcNow(DateTimeOffset.Parse(startOfNextPeriod, CultureInfo.InvariantCulture));
        Assert.Equal(UsageDecision.Allowed, enforcer.TryConsume(plan));
    }

    [Fact]
    public void Each_key_has_its_own_bucket()
    {
        var enforcer = new UsagePlanEnforcer(new FakeTimeProvider(Wednesday));
        var tiny = new ApiKeyUsagePlan("tiny-key", "plan1", "tiny", RateLimit: 0.001, BurstLimit: 1, QuotaLimit: null, QuotaPeriod: null);
        var other = tiny with { ApiKeyId = "other-key" };

        Assert.Equal(UsageDecision.Allowed, enforcer.TryConsume(tiny));
        Assert.Equal(UsageDecision.Throttled, enforcer.TryConsume(tiny));
        Assert.Equal(UsageDecision.Allowed, enforcer.TryConsume(other));
    }

    [Fact]
    public void A_quota_period_API_Gateway_does_not_know_is_refused()
    {
        var enforcer = new UsagePlanEnforcer(new FakeTimeProvider(Wednesday));
        var plan = new ApiKeyUsagePlan("key1", "plan1", "odd", RateLimit: 10, BurstLimit: 10, QuotaLimit: 5, QuotaPeriod: "YEAR");

        Assert.Throws<ArgumentException>(() => enforcer.TryConsume(plan));
    }
}
