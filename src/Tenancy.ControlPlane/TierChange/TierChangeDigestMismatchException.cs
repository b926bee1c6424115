namespace Tenancy.ControlPlane.TierChange;

/// <summary>The two sides of a move do not hold the same items: the switch (or the source deletion) is refused.</summary>
public sealed class TierChangeDigestMismatchException : Exception
{
    public TierChangeDigestMismatchException()
    {
    }

    public TierChangeDigestMismatchException(string message)
        : base(message)
    {
    }

    public TierChangeDigestMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
