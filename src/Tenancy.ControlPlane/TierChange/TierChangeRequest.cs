namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// The input of the <c>tier-change</c> handler: one action of the workflow (<c>docs/tier-change.md</c>).
/// </summary>
/// <param name="Action">freeze, prepare-target, copy, digest, switch, delete-source or rollback.</param>
/// <param name="TenantId">The tenant (freeze only; later actions take it from <paramref name="Move"/>).</param>
/// <param name="ChangeId">The move's id (freeze only; normally the execution name).</param>
/// <param name="TargetModel">The model to move to (freeze only).</param>
/// <param name="Move">The move the freeze returned (every later action).</param>
/// <param name="Side">For digest: <c>source</c> or <c>target</c>.</param>
/// <param name="Cursor">Where a paginated action resumes; null to start.</param>
/// <param name="Digest">For digest: the running digest to continue.</param>
/// <param name="SourceDigest">For switch and delete-source: the source side's digest.</param>
/// <param name="TargetDigest">For switch and delete-source: the target side's digest as verified.</param>
public sealed record TierChangeRequest(
    string? Action,
    string? TenantId = null,
    string? ChangeId = null,
    string? TargetModel = null,
    TierChangeMove? Move = null,
    string? Side = null,
    string? Cursor = null,
    TierChangeDigest? Digest = null,
    TierChangeDigest? SourceDigest = null,
    TierChangeDigest? TargetDigest = null);
