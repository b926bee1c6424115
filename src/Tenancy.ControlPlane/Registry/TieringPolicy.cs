using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Registry;

/// <summary>The control plane's tiering policy: which deployment model a tier gets (Basic pooled, Premium siloed).</summary>
public static class TieringPolicy
{
    public static TenancyModel ModelFor(TenantTier tier) => tier switch
    {
        TenantTier.Basic => TenancyModel.Pool,
        TenantTier.Premium => TenancyModel.Silo,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Undefined tier."),
    };
}
