using Tenancy.Isolation;

namespace Tenancy.Local.Emulator;

/// <summary>What <see cref="LocalCloud.OnboardTenantAsync"/> provisioned for a tenant.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="Placement">Table, key alias and prefix, as written to the registry.</param>
/// <param name="KmsKeyId">The tenant key's id (the alias in <paramref name="Placement"/> points to it).</param>
/// <param name="KmsKeyArn">The tenant key's ARN.</param>
/// <param name="Username">The demo user's name (its tokens carry <c>custom:tenantID</c>).</param>
/// <param name="Password">The demo user's password.</param>
public sealed record OnboardedTenant(
    TenantId TenantId,
    TenantTier Tier,
    TenantPlacement Placement,
    string KmsKeyId,
    string KmsKeyArn,
    string Username,
    string Password);
