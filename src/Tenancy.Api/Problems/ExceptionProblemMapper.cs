using System.Text.Json;
using Amazon.Runtime;
using Tenancy.Api.Identity;
using Tenancy.Api.Orders;
using Tenancy.Isolation;
using Tenancy.Isolation.Encryption;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Api.Problems;

/// <summary>
/// The one place that decides what a failure looks like to a client. Typed exceptions from the isolation layer, the
/// generated repositories and the API map to specific 4xx problems; anything else is a 500 whose body says nothing
/// about the cause (the cause goes to the log).
/// </summary>
public static class ExceptionProblemMapper
{
    public static ApiProblem Map(Exception exception, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        return exception switch
        {
            RequestValidationException v => Problem(400, ProblemTypes.Validation, "The request is not valid.", "See errors for the fields to correct.") with { Errors = v.Errors },
            BadHttpRequestException b => FromBadRequest(b),
            TokenRejectedException t => Problem(401, ProblemTypes.Unauthenticated, "Authentication is required.", t.Message),
            TenantClaimRejectedException c => Problem(403, ProblemTypes.TenantNotServed, "No tenant can be served for this token.", c.Message),
            TenantAccessDeniedException d => FromTenantAccessDenied(d),
            ItemNotFoundException => Problem(404, ProblemTypes.NotFound, "Not found.", "The resource does not exist."),
            ItemAlreadyExistsException => Problem(409, ProblemTypes.Conflict, "Already exists.", "A resource with this id already exists."),
            InvalidOrderTransitionException i => Problem(409, ProblemTypes.InvalidTransition, "The order cannot change to that status.", i.Message),
            OrderNotEditableException e => Problem(409, ProblemTypes.Conflict, "The order can no longer be edited.", e.Message),
            ConcurrencyConflictException when context.Request.Headers.IfMatch.Count > 0 =>
                Problem(412, ProblemTypes.PreconditionFailed, "The resource has changed.", "The If-Match version is not the current version; read it again and retry."),
            ConcurrencyConflictException => Problem(409, ProblemTypes.VersionMismatch, "The resource has changed.", "The version is not the current version; read it again and retry."),
            PreconditionFailedException p => Problem(412, ProblemTypes.PreconditionFailed, "The resource has changed.", p.Message),
            InvalidKeySegmentException => Problem(400, ProblemTypes.Validation, "The request is not valid.", "An identifier contains characters that are not allowed."),
            InvalidContinuationTokenException => Problem(400, ProblemTypes.Validation, "The request is not valid.", "The continuation token is not valid for this query.") with
            {
                Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["continuationToken"] = ["The continuation token is not valid for this query."] },
            },
            TenantEncryptionException => Problem(500, ProblemTypes.DataUnreadable, "The tenant's data could not be decrypted.", "An encrypted attribute could not be read with the tenant's key; no data is returned."),
            AmazonServiceException { ErrorCode: "AccessDeniedException" or "AccessDenied" or "UnrecognizedClientException" } =>
                Problem(403, ProblemTypes.Forbidden, "Access denied.", "The platform refused the operation for this tenant."),
            AmazonServiceException { ErrorCode: "ThrottlingException" or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" } =>
                Problem(503, ProblemTypes.Unavailable, "Temporarily unavailable.", "Please retry later."),
            _ => Problem(500, ProblemTypes.Internal, "An unexpected error occurred.", null),
        };
    }

    public static ApiProblem ForStatus(int status) => status switch
    {
        400 => Problem(400, ProblemTypes.MalformedRequest, "Bad request.", null),
        401 => Problem(401, ProblemTypes.Unauthenticated, "Authentication is required.", null),
        403 => Problem(403, ProblemTypes.Forbidden, "Access denied.", null),
        404 => Problem(404, ProblemTypes.NotFound, "Not found.", "No resource matches the request."),
        405 => Problem(405, ProblemTypes.MethodNotAllowed, "Method not allowed.", null),
        413 => Problem(413, ProblemTypes.PayloadTooLarge, "The request body is too large.", null),
        415 => Problem(415, ProblemTypes.UnsupportedMediaType, "Unsupported media type.", "Send the body as application/json."),
        _ => Problem(status, status >= 500 ? ProblemTypes.Internal : ProblemTypes.MalformedRequest, status >= 500 ? "An unexpected error occurred." : "The request failed.", null),
    };

    private static ApiProblem FromTenantAccessDenied(TenantAccessDeniedException denied) => denied.Reason switch
    {
        TenantAccessDeniedReason.MissingTenant => Problem(401, ProblemTypes.Unauthenticated, "Authentication is required.", "No tenant was resolved for this request."),
        TenantAccessDeniedReason.UnknownTenant => Problem(403, ProblemTypes.TenantNotServed, "The tenant is not served.", "The token's tenant is not registered."),
        TenantAccessDeniedReason.InactiveTenant => Problem(403, ProblemTypes.TenantNotServed, "The tenant is not served.", "The token's tenant is not active."),
        TenantAccessDeniedReason.CredentialVendingFailed => Problem(503, ProblemTypes.Unavailable, "Temporarily unavailable.", "Tenant credentials could not be obtained; please retry later."),
        _ => Problem(500, ProblemTypes.Internal, "An unexpected error occurred.", null),
    };

    private static ApiProblem FromBadRequest(BadHttpRequestException exception)
    {
        // The body reader wraps the underlying cause; a size-limit breach inside stays a 413.
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is BadHttpRequestException { StatusCode: 413 })
            {
                return ForStatus(413);
            }

            if (inner is JsonException json)
            {
                return FromJson(json);
            }
        }

        return exception.StatusCode switch
        {
            413 or 415 => ForStatus(exception.StatusCode),
            _ => Problem(400, ProblemTypes.MalformedRequest, "Bad request.", BadRequestDetail(exception)),
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
        if (member.Replace("_", string.Empty, StringComparison.Ordinal).StartsWith("tenant", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(400, ProblemTypes.Validation, "The request is not valid.", "Requests must not name a tenant; the tenant comes only from the access token.") with
            {
                Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = ["Requests must not name a tenant; the tenant comes only from the access token."] },
            };
        }

        return Problem(400, ProblemTypes.MalformedRequest, "The request body is not valid JSON for this operation.", $"Check the value at {path}: unknown members, wrong types and malformed JSON are rejected.") with
        {
            Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = ["Unknown member, wrong type or malformed JSON."] },
        };
    }

    private static ApiProblem Problem(int status, string type, string title, string? detail) => new(type, title, status, detail, null);
}
