namespace Tenancy.Local.Emulator.Template;

/// <summary>An <c>AWS::ApiGateway::UsagePlan</c> of the template: its name, throttle and optional quota.</summary>
public sealed record TemplateUsagePlan(string LogicalId, string Name, string? Description, double RateLimit, int BurstLimit, int? QuotaLimit, string? QuotaPeriod);
