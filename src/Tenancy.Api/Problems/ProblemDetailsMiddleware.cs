namespace Tenancy.Api.Problems;

/// <summary>
/// Outermost middleware: every failure, thrown or status-only (unknown route, wrong method), leaves as RFC 9457
/// problem details. Server errors are logged with their cause; the response never carries it.
/// </summary>
public sealed partial class ProblemDetailsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ProblemDetailsMiddleware> _logger;

    public ProblemDetailsMiddleware(RequestDelegate next, ILogger<ProblemDetailsMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            // Resolved only when something failed, so a request that succeeds never builds the mappings.
            var problem = context.RequestServices.GetRequiredService<ExceptionProblemMapper>().Map(ex, context);
            if (problem.Status >= 500)
            {
                LogServerError(_logger, ex, context.Request.Method, context.Request.Path.Value ?? string.Empty, problem.Status, problem.Type, ErrorCodeOf(ex));
            }
            else
            {
                LogClientError(_logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, problem.Status, problem.Type, ErrorCodeOf(ex), ex.GetType().Name, ex.Message);
            }

            await ProblemResponseWriter.WriteAsync(context, problem).ConfigureAwait(false);
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null or 0 && string.IsNullOrEmpty(context.Response.ContentType))
        {
            await ProblemResponseWriter.WriteAsync(context, StatusProblems.For(context.Response.StatusCode)).ConfigureAwait(false);
        }
    }

    // The AWS error code (AccessDenied, ThrottlingException…) of a platform refusal, searched through wrapping exceptions.
    private static string ErrorCodeOf(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is Amazon.Runtime.AmazonServiceException { ErrorCode: { Length: > 0 } code })
            {
                return code;
            }
        }

        return "none";
    }

    // ProblemType and ErrorCode are separate fields so the template's metric filters can match them (docs/runbooks.md).
    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed with {Status} {ProblemType} ({ErrorCode})")]
    private static partial void LogServerError(ILogger logger, Exception exception, string method, string path, int status, string problemType, string errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status} {ProblemType} ({ErrorCode}): {ExceptionType} {Reason}")]
    private static partial void LogClientError(ILogger logger, string method, string path, int status, string problemType, string errorCode, string exceptionType, string reason);
}
