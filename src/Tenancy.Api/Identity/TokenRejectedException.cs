using Tenancy.Api.Problems;

namespace Tenancy.Api.Identity;

/// <summary>The bearer token is missing or not acceptable; 401 with a <c>WWW-Authenticate</c> challenge.</summary>
public sealed class TokenRejectedException : ApiProblemException
{
    private const string AuthenticationRequired = "Authentication is required.";

    public TokenRejectedException(string message)
        : base(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, AuthenticationRequired, message)
    {
    }

    public TokenRejectedException(string message, Exception innerException)
        : base(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, AuthenticationRequired, message, innerException)
    {
    }
}
