namespace Tenancy.Api.Problems;

/// <summary>
/// The problems for a bare status code: responses the framework ends without a body (unknown route, wrong method)
/// and the generic problem of each status that mappings reuse.
/// </summary>
public static class StatusProblems
{
    public static ApiProblem For(int status) => status switch
    {
        400 => Create(400, ProblemTypes.MalformedRequest, "Bad request.", null),
        401 => Create(401, ProblemTypes.Unauthenticated, "Authentication is required.", null),
        403 => Create(403, ProblemTypes.Forbidden, "Access denied.", null),
        404 => Create(404, ProblemTypes.NotFound, "Not found.", "No resource matches the request."),
        405 => Create(405, ProblemTypes.MethodNotAllowed, "Method not allowed.", null),
        413 => Create(413, ProblemTypes.PayloadTooLarge, "The request body is too large.", null),
        415 => Create(415, ProblemTypes.UnsupportedMediaType, "Unsupported media type.", "Send the body as application/json."),
        _ => Create(status, status >= 500 ? ProblemTypes.Internal : ProblemTypes.MalformedRequest, status >= 500 ? "An unexpected error occurred." : "The request failed.", null),
    };

    /// <summary>A problem without field errors; <c>instance</c> and <c>traceId</c> are filled in when it is written.</summary>
    public static ApiProblem Create(int status, string type, string title, string? detail) => new(type, title, status, detail, null);
}
