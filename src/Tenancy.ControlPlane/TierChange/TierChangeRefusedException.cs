namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// A tier-change step refused to act because the registry or the data does not match the move (another move, not
/// Active, already switched, digests differ). The workflow catches it by name and rolls back.
/// </summary>
public sealed class TierChangeRefusedException : Exception
{
    public TierChangeRefusedException()
    {
    }

    public TierChangeRefusedException(string message)
        : base(message)
    {
    }

    public TierChangeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
