using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>
/// REST-JSON (API Gateway's management API): the error code in <c>x-amzn-ErrorType</c>, the body <c>{"message"}</c>,
/// and the HTTP status carrying the error class (404 NotFound, 409 Conflict, 403 for signature and IAM failures).
/// </summary>
public sealed class RestJsonProtocol : AwsProtocol
{
    public override string ContentType => "application/json";

    public override string AccessDeniedCode => "AccessDeniedException";

    public override async Task WriteErrorAsync(HttpContext context, AwsServiceException error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-ErrorType"] = error.Code;
        context.Response.Headers["x-amzn-RequestId"] = AwsRequestId.New();
        var bytes = Encoding.UTF8.GetBytes(new JsonObject { ["message"] = error.Message }.ToJsonString());
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    public override AwsServiceException SignatureError(SigV4Failure failure, string message) => failure switch
    {
        SigV4Failure.MissingAuthentication => new(403, "MissingAuthenticationTokenException", message),
        SigV4Failure.MalformedAuthorization => new(403, "IncompleteSignatureException", message),
        SigV4Failure.UnknownAccessKey or SigV4Failure.MissingOrWrongSessionToken => new(403, "UnrecognizedClientException", message),
        SigV4Failure.ExpiredToken => new(403, "ExpiredTokenException", message),
        _ => new(403, "InvalidSignatureException", message),
    };

    public override AwsServiceException AccessDenied(string message) => new(403, AccessDeniedCode, message);
}
