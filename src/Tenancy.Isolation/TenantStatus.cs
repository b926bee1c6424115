namespace Tenancy.Isolation;

/// <summary>Lifecycle state of a tenant in the registry. Only <see cref="Active"/> tenants may be served.</summary>
public enum TenantStatus
{
    /// <summary>Onboarding has not finished; not served.</summary>
    Provisioning = 0,
    /// <summary>The only state that is served.</summary>
    Active = 1,
    /// <summary>Refused until reactivated.</summary>
    Suspended = 2,
    /// <summary>Offboarding is removing the tenant; not served.</summary>
    Offboarding = 3,
    /// <summary>Offboarding has finished; not served.</summary>
    Offboarded = 4,
}
