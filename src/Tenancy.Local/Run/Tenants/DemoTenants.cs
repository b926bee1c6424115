using Tenancy.Isolation;
using Tenancy.Local.Emulator;

namespace Tenancy.Local.Run.Tenants;

/// <summary>
/// The two tenants the local run onboards through the onboarding state machine: one pooled Basic, one siloed Premium
/// with its own table and key. Their admins get a known password so the walkthrough can sign in.
/// </summary>
public static class DemoTenants
{
    /// <summary>The demo admins' password (the template's pool policy: 12 characters or more).</summary>
    public const string Password = "Tenancy-Demo-2026";

    public static async Task<IReadOnlyList<OnboardedTenant>> OnboardAsync(LocalCloud cloud, CancellationToken cancellationToken = default) =>
    [
        await OnboardAsync(cloud, "acme", "Acme Corp", TenantTier.Basic, cancellationToken).ConfigureAwait(false),
        await OnboardAsync(cloud, "globex", "Globex Inc", TenantTier.Premium, cancellationToken).ConfigureAwait(false),
    ];

    private static async Task<OnboardedTenant> OnboardAsync(LocalCloud cloud, string tenantId, string name, TenantTier tier, CancellationToken cancellationToken)
    {
        var registration = await TenantLifecycleWorkflows.OnboardAsync(cloud, tenantId, name, tier, $"admin@{tenantId}.example", cancellationToken).ConfigureAwait(false);
        var resources = registration.Resources;
        var username = resources.AdminUserName ?? throw new InvalidDataException($"Onboarding recorded no admin user for '{tenantId}'.");

        // The workflow creates the admin with a temporary password, as AdminCreateUser does; the operator sets one.
        cloud.UserPool.SetPassword(username, Password, permanent: true, cloud.Time.GetUtcNow());
        return new OnboardedTenant(
            registration.TenantId,
            registration.Tier,
            registration.Placement,
            resources.KmsKeyId ?? throw new InvalidDataException($"Onboarding recorded no key for '{tenantId}'."),
            resources.KmsKeyArn ?? throw new InvalidDataException($"Onboarding recorded no key ARN for '{tenantId}'."),
            username,
            Password);
    }
}
