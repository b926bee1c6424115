namespace Tenancy.Identity;

/// <summary>
/// The token is genuine but does not name a tenant that can be served (claim missing or not a valid tenant id): the
/// caller is authenticated, just not for any tenant. There is never a fallback tenant.
/// </summary>
public sealed class TenantClaimRejectedException : Exception
{
    /// <summary>Creates the exception with the reason the tenant claim was refused.</summary>
    /// <param name="message">What is wrong with the claim; safe to show to the caller.</param>
    public TenantClaimRejectedException(string message)
        : base(message)
    {
    }
}
