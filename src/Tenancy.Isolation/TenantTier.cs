namespace Tenancy.Isolation;

/// <summary>The commercial tier of a tenant; it decides the default deployment model and limits.</summary>
public enum TenantTier
{
    /// <summary>The entry tier (registry value <c>Basic</c>).</summary>
    Basic = 0,
    /// <summary>The higher tier (registry value <c>Premium</c>); sent as the session tag that IAM policies can key on.</summary>
    Premium = 1,
}
