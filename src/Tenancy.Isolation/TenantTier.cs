namespace Tenancy.Isolation;

/// <summary>The commercial tier of a tenant; it decides the default deployment model and limits.</summary>
public enum TenantTier
{
    Basic = 0,
    Premium = 1,
}
