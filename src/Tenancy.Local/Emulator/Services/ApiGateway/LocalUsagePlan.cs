namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>A usage plan of the local API Gateway (seeded from the template or configuration; plans are not created through the API).</summary>
public sealed record LocalUsagePlan(string Id, string Name, string? Description, double RateLimit, int BurstLimit, int? QuotaLimit, string? QuotaPeriod);
