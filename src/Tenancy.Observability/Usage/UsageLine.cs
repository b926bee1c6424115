namespace Tenancy.Observability.Usage;

/// <summary>The outcome of reading one log line: its kind, the record when valid, the reason when malformed.</summary>
public readonly record struct UsageLine(UsageLineKind Kind, UsageRecord? Record, string? Problem)
{
    internal static UsageLine NotUsage { get; } = new(UsageLineKind.NotUsage, null, null);

    internal static UsageLine Malformed(string problem) => new(UsageLineKind.Malformed, null, problem);
}
