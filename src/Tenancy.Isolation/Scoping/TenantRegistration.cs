namespace Tenancy.Isolation;

/// <summary>One row of the tenant registry.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Name">Display name.</param>
/// <param name="Tier">Commercial tier.</param>
/// <param name="Status">Lifecycle state; only <see cref="TenantStatus.Active"/> is served.</param>
/// <param name="Placement">Where the tenant's data lives.</param>
public sealed record TenantRegistration(TenantId TenantId, string Name, TenantTier Tier, TenantStatus Status, TenantPlacement Placement)
{
    /// <summary>What onboarding created for the tenant (the control plane's record; the application plane ignores it
    /// except the authorizer, which returns the API key value).</summary>
    public TenantResources Resources { get; init; } = TenantResources.None;

    /// <summary>Why onboarding failed, when <see cref="Status"/> is <see cref="TenantStatus.Failed"/>.</summary>
    public string? FailureCause { get; init; }

    /// <summary>The pool ⇄ silo move in progress, if any; writers refuse while it is set.</summary>
    public TenantTierChange? TierChange { get; init; }

    /// <summary>True while a tier change freezes the tenant's writes (reads are still served).</summary>
    public bool IsWriteFrozen => TierChange is not null;
}
