using Tenancy.Api.Problems;

namespace Tenancy.Api.Identity;

/// <summary>
/// The token is genuine but does not name a tenant this API can serve (claim missing or not a valid tenant id).
/// 403: the caller is authenticated, just not for any tenant. There is never a fallback tenant.
/// </summary>
public sealed class TenantClaimRejectedException : ApiProblemException
{
    public TenantClaimRejectedException(string message)
        : base(StatusCodes.Status403Forbidden, ProblemTypes.TenantNotServed, "No tenant can be served for this token.", message)
    {
    }
}
