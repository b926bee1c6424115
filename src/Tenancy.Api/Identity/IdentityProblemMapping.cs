using Tenancy.Api.Problems;
using Tenancy.Identity;

namespace Tenancy.Api.Identity;

/// <summary>
/// The shared verifier's refusals as problems: a token that is missing or not acceptable is 401 (with the Bearer
/// challenge), a genuine token without a servable tenant claim is 403. The messages say which check failed and never
/// echo token content, so they are the problem's detail. In Lambda tenant isolation mode, an invocation routed for
/// another tenant than the token's is 403 too.
/// </summary>
public sealed class IdentityProblemMapping : IExceptionProblemMapping
{
    public ApiProblem? TryMap(Exception exception, HttpContext context) => exception switch
    {
        TokenRejectedException rejected => StatusProblems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Authentication is required.", rejected.Message),
        TenantClaimRejectedException rejected => StatusProblems.Create(StatusCodes.Status403Forbidden, ProblemTypes.TenantNotServed, "No tenant can be served for this token.", rejected.Message),
        InvocationTenantMismatchException mismatch => StatusProblems.Create(StatusCodes.Status403Forbidden, ProblemTypes.TenantNotServed, "No tenant can be served for this token.", mismatch.Message),
        _ => null,
    };
}
