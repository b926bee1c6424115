namespace Tenancy.Isolation;

/// <summary>The commercial tier of a tenant; it decides the default deployment model and limits.</summary>
public enum TenantTier
{
    /// <summary>The default tier.</summary>
    Basic = 0,
    /// <summary>The paid tier with higher limits.</summary>
    Premium = 1,
}
