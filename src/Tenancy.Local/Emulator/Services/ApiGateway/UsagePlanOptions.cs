namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>A usage plan to seed when the template declares none (one per tier, like the template will).</summary>
public sealed record UsagePlanOptions(string Name, double RateLimit, int BurstLimit, int? QuotaLimit = null, string? QuotaPeriod = null, string? Description = null)
{
    /// <summary>The plans seeded by default: one per tier.</summary>
    public static IReadOnlyList<UsagePlanOptions> Defaults { get; } =
    [
        new("tenancy-basic", RateLimit: 10, BurstLimit: 20, QuotaLimit: 10_000, QuotaPeriod: "DAY", Description: "Basic tier"),
        new("tenancy-premium", RateLimit: 100, BurstLimit: 200, QuotaLimit: 1_000_000, QuotaPeriod: "DAY", Description: "Premium tier"),
    ];
}
