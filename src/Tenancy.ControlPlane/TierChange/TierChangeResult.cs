namespace Tenancy.ControlPlane.TierChange;

/// <summary>The output of one <c>tier-change</c> action.</summary>
/// <param name="Move">The move (unchanged by every action but freeze, which creates it).</param>
/// <param name="Done">False when a paginated action must be called again with <paramref name="Cursor"/>.</param>
/// <param name="Cursor">Where to resume; null when done.</param>
/// <param name="Items">Items copied, digested or deleted by this call.</param>
/// <param name="Digest">For digest: the running (or, when done, final) digest.</param>
public sealed record TierChangeResult(TierChangeMove Move, bool Done, string? Cursor, int Items, TierChangeDigest? Digest);
