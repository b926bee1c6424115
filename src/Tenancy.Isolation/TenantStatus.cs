namespace Tenancy.Isolation;

/// <summary>Lifecycle state of a tenant in the registry. Only <see cref="Active"/> tenants may be served.</summary>
public enum TenantStatus
{
    /// <summary>Being created; not yet served.</summary>
    Provisioning = 0,
    /// <summary>Served.</summary>
    Active = 1,
    /// <summary>Temporarily refused, data kept.</summary>
    Suspended = 2,
    /// <summary>Being removed; refused.</summary>
    Offboarding = 3,
    /// <summary>Removed; refused.</summary>
    Offboarded = 4,
}
