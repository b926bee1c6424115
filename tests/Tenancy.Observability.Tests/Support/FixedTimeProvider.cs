namespace Tenancy.Observability.Tests.Support;

/// <summary>A clock that always says the same instant, so golden lines are exact.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DefaultInstant = new(2026, 11, 27, 21, 30, 15, 123, TimeSpan.Zero);

    public FixedTimeProvider()
        : this(DefaultInstant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
