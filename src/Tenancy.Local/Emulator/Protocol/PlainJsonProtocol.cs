using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>
/// Errors as Cognito's user-pool endpoints write them: <c>application/json</c> with exactly <c>__type</c> and
/// <c>message</c> (a second, differently cased <c>Message</c> would break case-insensitive JSON readers).
/// </summary>
public sealed class PlainJsonProtocol : AwsProtocol
{
    public override string ContentType => "application/json";

    public override string AccessDeniedCode => "NotAuthorizedException";

    public override async Task WriteErrorAsync(HttpContext context, AwsServiceException error)
    {
        var body = new JsonObject { ["__type"] = error.Code, ["message"] = error.Message };
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = ContentType;
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    public override AwsServiceException SignatureError(SigV4Failure failure, string message) => new(400, "NotAuthorizedException", message);

    public override AwsServiceException AccessDenied(string message) => new(400, AccessDeniedCode, message);
}
