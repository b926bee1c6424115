using Tenancy.Api.Problems;
using Tenancy.Isolation.Objects;

namespace Tenancy.Api.Attachments;

/// <summary>The object store's typed refusals as problems: 400 bad name, 413 too large, 415 type not accepted, 404, 403.</summary>
public sealed class AttachmentProblemMapping : IExceptionProblemMapping
{
    public ApiProblem? TryMap(Exception exception, HttpContext context) => exception switch
    {
        InvalidObjectNameException ex => StatusProblems.Create(400, ProblemTypes.Validation, "The request is not valid.", ex.Message) with
        {
            Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["name"] = [ex.Message] },
        },
        ObjectTooLargeException ex => StatusProblems.Create(413, ProblemTypes.PayloadTooLarge, "The request body is too large.", ex.Message),
        UnsupportedObjectContentTypeException => StatusProblems.Create(415, ProblemTypes.UnsupportedMediaType, "Unsupported media type.", "Attachments are PDF, JSON, PNG, JPEG, plain text or CSV."),
        TenantObjectNotFoundException => StatusProblems.Create(404, ProblemTypes.NotFound, "Not found.", "The attachment does not exist."),
        TenantObjectAccessDeniedException => StatusProblems.Create(403, ProblemTypes.Forbidden, "Access denied.", null),
        _ => null,
    };
}
