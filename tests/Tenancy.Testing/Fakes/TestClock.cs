using Microsoft.Extensions.Time.Testing;

namespace Tenancy.Testing.Fakes;

/// <summary>
/// The clock of tests that move time by hand (<see cref="FakeTimeProvider.Advance"/>), so expiry and refresh
/// policies are tested without waiting. It starts at a fixed instant, so runs are alike.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(DefaultStart);
}
