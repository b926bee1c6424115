namespace Tenancy.Isolation;

/// <summary>Lifecycle state of a tenant in the registry. Only <see cref="Active"/> tenants may be served.</summary>
public enum TenantStatus
{
    Provisioning = 0,
    Active = 1,
    Suspended = 2,
    Offboarding = 3,
    Offboarded = 4,
}
