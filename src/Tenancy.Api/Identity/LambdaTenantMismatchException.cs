using Tenancy.Api.Problems;

namespace Tenancy.Api.Identity;

/// <summary>
/// Lambda routed this invocation to an execution environment of one tenant (tenant isolation mode) but the verified
/// token names another: 403, so the environment never holds data or credentials of a tenant it was not created for.
/// </summary>
public sealed class LambdaTenantMismatchException : ApiProblemException
{
    public LambdaTenantMismatchException()
        : base(StatusCodes.Status403Forbidden, ProblemTypes.TenantNotServed, "No tenant can be served for this token.", "The token's tenant is not the tenant this invocation was routed for.")
    {
    }
}
