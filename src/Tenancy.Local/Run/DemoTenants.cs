using Tenancy.Isolation;
using Tenancy.Local.Emulator;

namespace Tenancy.Local.Run;

/// <summary>The two tenants the local run creates: one pooled Basic, one siloed Premium with its own table and key.</summary>
public static class DemoTenants
{
    public static async Task<IReadOnlyList<OnboardedTenant>> OnboardAsync(LocalCloud cloud, CancellationToken cancellationToken = default) =>
    [
        await cloud.OnboardTenantAsync("acme", "Acme Corp", TenantTier.Basic, TenancyModel.Pool, cancellationToken).ConfigureAwait(false),
        await cloud.OnboardTenantAsync("globex", "Globex Inc", TenantTier.Premium, TenancyModel.Silo, cancellationToken).ConfigureAwait(false),
    ];
}
