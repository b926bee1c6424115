namespace Tenancy.Isolation;

/// <summary>One row of the tenant registry, as the application plane needs it.</summary>
public sealed record TenantRegistration(TenantId TenantId, string Name, TenantTier Tier, TenantStatus Status, TenantPlacement Placement);
