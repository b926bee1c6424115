namespace Tenancy.Isolation;

/// <summary>
/// Lifecycle state of a tenant in the registry: <see cref="Provisioning"/> → <see cref="Active"/> ⇄
/// <see cref="Suspended"/> → <see cref="Offboarding"/> → <see cref="Deleted"/>, and <see cref="Provisioning"/> →
/// <see cref="Failed"/> → <see cref="Provisioning"/> when onboarding is retried. Only <see cref="Active"/> tenants may
/// be served.
/// </summary>
public enum TenantStatus
{
    /// <summary>Onboarding has not finished; not served.</summary>
    Provisioning = 0,
    /// <summary>The only state that is served.</summary>
    Active = 1,
    /// <summary>Refused until resumed; offboarding starts from here.</summary>
    Suspended = 2,
    /// <summary>Offboarding is removing the tenant; not served.</summary>
    Offboarding = 3,
    /// <summary>Offboarding has finished and the tenant key is scheduled for deletion; not served.</summary>
    Deleted = 4,
    /// <summary>Onboarding failed and was rolled back; not served, may be onboarded again.</summary>
    Failed = 5,
}
