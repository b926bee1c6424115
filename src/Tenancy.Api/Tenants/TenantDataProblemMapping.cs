using Tenancy.Api.Problems;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Api.Tenants;

/// <summary>
/// The generated repositories' typed failures as problems. A stale version is 412 when the client sent
/// <c>If-Match</c> and 409 when it sent the version in the body.
/// </summary>
public sealed class TenantDataProblemMapping : IExceptionProblemMapping
{
    private const string InvalidToken = "The continuation token is not valid for this query.";

    public ApiProblem? TryMap(Exception exception, HttpContext context) => exception switch
    {
        ItemNotFoundException => StatusProblems.Create(404, ProblemTypes.NotFound, "Not found.", "The resource does not exist."),
        ItemAlreadyExistsException => StatusProblems.Create(409, ProblemTypes.Conflict, "Already exists.", "A resource with this id already exists."),
        ConcurrencyConflictException when context.Request.Headers.IfMatch.Count > 0 =>
            StatusProblems.Create(412, ProblemTypes.PreconditionFailed, "The resource has changed.", "The If-Match version is not the current version; read it again and retry."),
        ConcurrencyConflictException => StatusProblems.Create(409, ProblemTypes.VersionMismatch, "The resource has changed.", "The version is not the current version; read it again and retry."),
        InvalidKeySegmentException => StatusProblems.Create(400, ProblemTypes.Validation, "The request is not valid.", "An identifier contains characters that are not allowed."),
        InvalidContinuationTokenException => StatusProblems.Create(400, ProblemTypes.Validation, "The request is not valid.", InvalidToken) with
        {
            Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["continuationToken"] = [InvalidToken] },
        },
        _ => null,
    };
}
