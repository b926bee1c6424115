namespace Tenancy.Local.Gateway;

/// <summary>A usage plan's throttle (steady requests per second, burst) and optional daily quota.</summary>
public sealed record UsagePlanLimits(string PlanName, double RateLimit, int BurstLimit, long? DailyQuota);
