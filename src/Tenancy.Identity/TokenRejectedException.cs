namespace Tenancy.Identity;

/// <summary>
/// The bearer token is missing or not acceptable. Hosts answer 401 (the API) or <c>Unauthorized</c> (the authorizer).
/// The message says which check failed and never echoes token content.
/// </summary>
public sealed class TokenRejectedException : Exception
{
    /// <summary>Creates the exception with the reason the token was refused.</summary>
    /// <param name="message">Which check failed; safe to show to the caller.</param>
    public TokenRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason the token was refused and the validator's exception.</summary>
    /// <param name="message">Which check failed; safe to show to the caller.</param>
    /// <param name="innerException">The underlying validation failure.</param>
    public TokenRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
