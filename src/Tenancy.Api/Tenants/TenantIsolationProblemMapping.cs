using Amazon.Runtime;
using Tenancy.Api.Problems;
using Tenancy.Isolation;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Api.Tenants;

/// <summary>
/// The isolation layer's refusals as problems: a tenant that cannot be served, credentials that could not be vended, a
/// tenant's data that cannot be decrypted, and the platform (IAM, throttling) refusing a tenant-scoped call. A
/// dependency that is throttling, failing with a 5xx or unreachable is 503 wherever it surfaces (registry read, KMS
/// behind the encryptor), so only a key that really refuses (disabled, wrong context) is <c>tenant-data-unreadable</c>.
/// </summary>
public sealed class TenantIsolationProblemMapping : IExceptionProblemMapping
{
    public ApiProblem? TryMap(Exception exception, HttpContext context) => exception switch
    {
        TenantAccessDeniedException denied => FromTenantAccessDenied(denied),
        TenantMovingException => StatusProblems.Create(503, TenantProblemTypes.TenantMoving, "The tenant is being moved.", "Writes are refused while the tenant's data moves; reads are served. Retry later.") with { RetryAfterSeconds = MovingRetryAfterSeconds },
        TenantEncryptionException { InnerException: var cause } when TransientDependencyFailure.Is(cause) => Unavailable(),
        TenantEncryptionException => StatusProblems.Create(500, TenantProblemTypes.DataUnreadable, "The tenant's data could not be decrypted.", "An encrypted attribute could not be read with the tenant's key; no data is returned."),
        AmazonServiceException { ErrorCode: "AccessDeniedException" or "AccessDenied" or "UnrecognizedClientException" } =>
            StatusProblems.Create(403, ProblemTypes.Forbidden, "Access denied.", "The platform refused the operation for this tenant."),
        _ when TransientDependencyFailure.Is(exception) => Unavailable(),
        _ => null,
    };

    // About one registry cache lifetime: the freeze is lifted or switched, and seen, no sooner than that.
    private const int MovingRetryAfterSeconds = 30;

    private static ApiProblem Unavailable() => StatusProblems.Create(503, ProblemTypes.Unavailable, "Temporarily unavailable.", "Please retry later.");

    private static ApiProblem FromTenantAccessDenied(TenantAccessDeniedException denied) => denied.Reason switch
    {
        TenantAccessDeniedReason.MissingTenant => StatusProblems.Create(401, ProblemTypes.Unauthenticated, "Authentication is required.", "No tenant was resolved for this request."),
        TenantAccessDeniedReason.UnknownTenant => StatusProblems.Create(403, ProblemTypes.TenantNotServed, "The tenant is not served.", "The token's tenant is not registered."),
        TenantAccessDeniedReason.InactiveTenant => StatusProblems.Create(403, ProblemTypes.TenantNotServed, "The tenant is not served.", "The token's tenant is not active."),
        TenantAccessDeniedReason.CredentialVendingFailed => StatusProblems.Create(503, ProblemTypes.Unavailable, "Temporarily unavailable.", "Tenant credentials could not be obtained; please retry later."),
        _ => StatusProblems.For(500),
    };
}
