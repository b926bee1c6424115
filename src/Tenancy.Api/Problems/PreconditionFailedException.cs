namespace Tenancy.Api.Problems;

/// <summary>An <c>If-Match</c> precondition does not hold (the resource changed); maps to 412.</summary>
public sealed class PreconditionFailedException : Exception
{
    public PreconditionFailedException(string message) : base(message)
    {
    }
}
