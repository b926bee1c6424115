namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// The order-independent fingerprint of a tenant's items on one side of a move: how many, and the sum (mod 2^256,
/// hex) of each item's SHA-256 over its canonical form. Carried between invocations so a digest can be resumed.
/// </summary>
/// <param name="Count">Items digested so far.</param>
/// <param name="Sum">The running sum, 64 hex digits.</param>
public sealed record TierChangeDigest(long Count, string Sum)
{
    /// <summary>The digest of no items.</summary>
    public static TierChangeDigest Empty { get; } = new(0, new string('0', 64));
}
