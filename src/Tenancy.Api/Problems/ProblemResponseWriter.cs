using System.Text.Json;

namespace Tenancy.Api.Problems;

/// <summary>Writes an <see cref="ApiProblem"/> as <c>application/problem+json</c>.</summary>
public static class ProblemResponseWriter
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext context, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        var response = context.Response;
        response.Clear();
        response.StatusCode = problem.Status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        if (problem.RetryAfterSeconds is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var document = problem with { Instance = context.Request.Path.Value, TraceId = context.TraceIdentifier };
        await JsonSerializer.SerializeAsync(response.Body, document, ProblemsJsonContext.Default.ApiProblem, context.RequestAborted).ConfigureAwait(false);
    }
}
