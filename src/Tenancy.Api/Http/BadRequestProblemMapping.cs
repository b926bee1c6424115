using System.Text.Json;
using Tenancy.Api.Problems;

namespace Tenancy.Api.Http;

/// <summary>
/// The framework's binding failures (<see cref="BadHttpRequestException"/>: malformed or strict-contract JSON, a missing
/// body, a route or query value of the wrong format, a body over the size limit, a wrong content type) as problems.
/// </summary>
public sealed class BadRequestProblemMapping : IExceptionProblemMapping
{
    private const string TenantNamed = "Requests must not name a tenant; the tenant comes only from the access token.";

    public ApiProblem? TryMap(Exception exception, HttpContext context) =>
        exception is BadHttpRequestException badRequest ? FromBadRequest(badRequest) : null;

    private static ApiProblem FromBadRequest(BadHttpRequestException exception)
    {
        // The body reader wraps the underlying cause; a size-limit breach inside stays a 413.
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is BadHttpRequestException { StatusCode: 413 })
            {
                return StatusProblems.For(413);
            }

            if (inner is JsonException json)
            {
                return FromJson(json);
            }
        }

        return exception.StatusCode switch
        {
            413 or 415 => StatusProblems.For(exception.StatusCode),
            _ => StatusProblems.Create(400, ProblemTypes.MalformedRequest, "Bad request.", BadRequestDetail(exception)),
        };
    }

    // Framework messages name C# types and parameters; only a few shapes are safe and useful to echo.
    private static string BadRequestDetail(BadHttpRequestException exception) =>
        exception.Message.Contains("was not provided", StringComparison.Ordinal) || exception.Message.Contains("Implicit body", StringComparison.Ordinal)
            ? "A JSON request body is required."
            : exception.Message.Contains("Failed to bind parameter", StringComparison.Ordinal)
                ? "A route or query value has the wrong format."
                : "The request could not be read.";

    private static ApiProblem FromJson(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var member = path.Split('.', '[')[^1].TrimEnd(']');
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

        // A body member that names a tenant is the same refusal as a tenant header or query parameter.
        if (member.Replace("_", string.Empty, StringComparison.Ordinal).StartsWith("tenant", StringComparison.OrdinalIgnoreCase))
        {
            return StatusProblems.Create(400, ProblemTypes.Validation, "The request is not valid.", TenantNamed) with
            {
                Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [TenantNamed] },
            };
        }

        return StatusProblems.Create(400, ProblemTypes.MalformedRequest, "The request body is not valid JSON for this operation.", $"Check the value at {path}: unknown members, wrong types and malformed JSON are rejected.") with
        {
            Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = ["Unknown member, wrong type or malformed JSON."] },
        };
    }
}
