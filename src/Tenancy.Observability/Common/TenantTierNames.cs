using Tenancy.Isolation;

namespace Tenancy.Observability;

/// <summary>Tier names as logs and metric dimensions carry them, without boxing an enum per line.</summary>
internal static class TenantTierNames
{
    public static string ToName(TenantTier tier) => tier switch
    {
        TenantTier.Basic => "Basic",
        TenantTier.Premium => "Premium",
        _ => ((int)tier).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
