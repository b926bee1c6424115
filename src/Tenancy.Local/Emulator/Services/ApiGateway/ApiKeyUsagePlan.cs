namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>
/// The limits API Gateway applies to requests made with one API key: its usage plan's throttle (steady rate in
/// requests per second, burst bucket size) and quota (requests per <see cref="QuotaPeriod"/>, none when null).
/// </summary>
public sealed record ApiKeyUsagePlan(
    string ApiKeyId,
    string UsagePlanId,
    string UsagePlanName,
    double RateLimit,
    int BurstLimit,
    int? QuotaLimit,
    string? QuotaPeriod);
