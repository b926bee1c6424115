using Microsoft.Extensions.Time.Testing;

namespace Tenancy.Observability.Tests.Support;

/// <summary>The instant golden lines and documents are stamped with: a fake clock that stays there, so they are exact.</summary>
internal static class GoldenClock
{
    public static readonly DateTimeOffset Instant = new(2026, 11, 27, 21, 30, 15, 123, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Instant);
}
