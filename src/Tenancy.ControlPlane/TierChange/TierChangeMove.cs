namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// One move as the workflow carries it between steps (camelCase JSON): the registry is the authority, and every step
/// checks this against it before touching data.
/// </summary>
/// <param name="TenantId">The tenant being moved.</param>
/// <param name="ChangeId">The move's id, recorded in the registry freeze.</param>
/// <param name="SourceModel">The model the tenant is leaving (<c>Pool</c>/<c>Silo</c>).</param>
/// <param name="SourceTable">The table its data is copied from.</param>
/// <param name="TargetModel">The model the tenant is moving to.</param>
/// <param name="TargetTable">The table its data is copied to.</param>
public sealed record TierChangeMove(string TenantId, string ChangeId, string SourceModel, string SourceTable, string TargetModel, string TargetTable);
