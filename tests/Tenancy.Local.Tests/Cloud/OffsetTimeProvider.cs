namespace Tenancy.Local.Tests.Cloud;

/// <summary>The system clock moved by <see cref="Offset"/>, so tests can make sessions and tokens expire.</summary>
public sealed class OffsetTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
