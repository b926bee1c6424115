namespace Tenancy.Isolation;

/// <summary>
/// A move of the tenant's data between pool and silo in progress (<c>docs/tier-change.md</c>): while it is recorded
/// the tenant's writes are frozen and reads are served from the current placement.
/// </summary>
/// <param name="Id">The move's id; every step of the move is conditional on it.</param>
/// <param name="TargetModel">The model the tenant is moving to.</param>
/// <param name="TargetTableName">The table the tenant's data is being copied to.</param>
/// <param name="FrozenAt">When writes were frozen.</param>
public sealed record TenantTierChange(string Id, TenancyModel TargetModel, string TargetTableName, DateTimeOffset FrozenAt);
