namespace Tenancy.Api.Problems;

/// <summary>An <c>If-Match</c> precondition does not hold (the resource changed); 412.</summary>
public sealed class PreconditionFailedException : ApiProblemException
{
    public PreconditionFailedException(string message)
        : base(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "The resource has changed.", message)
    {
    }
}
