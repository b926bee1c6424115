namespace Tenancy.Api.Identity;

/// <summary>
/// The token is genuine but does not name a tenant this API can serve (claim missing or not a valid tenant id).
/// Maps to 403: the caller is authenticated, just not for any tenant. There is never a fallback tenant.
/// </summary>
public sealed class TenantClaimRejectedException : Exception
{
    public TenantClaimRejectedException(string message) : base(message)
    {
    }
}
