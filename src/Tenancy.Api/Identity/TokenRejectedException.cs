namespace Tenancy.Api.Identity;

/// <summary>The bearer token is missing or not acceptable; maps to 401 with a <c>WWW-Authenticate</c> challenge.</summary>
public sealed class TokenRejectedException : Exception
{
    public TokenRejectedException(string message) : base(message)
    {
    }

    public TokenRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
