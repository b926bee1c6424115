using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>awsQuery (STS): errors as an XML <c>ErrorResponse</c>; IAM denials are 403 <c>AccessDenied</c>.</summary>
public sealed class AwsQueryProtocol : AwsProtocol
{
    public override string ContentType => "text/xml";

    public override string AccessDeniedCode => "AccessDenied";

    public override Task WriteErrorAsync(HttpContext context, AwsServiceException error) =>
        AwsQueryResponse.WriteErrorAsync(context, error.Status, error.Code, error.Message);

    public override AwsServiceException SignatureError(SigV4Failure failure, string message) => failure switch
    {
        SigV4Failure.MissingAuthentication => new(403, "MissingAuthenticationToken", message),
        SigV4Failure.MalformedAuthorization => new(400, "IncompleteSignature", message),
        SigV4Failure.UnknownAccessKey or SigV4Failure.MissingOrWrongSessionToken => new(403, "InvalidClientTokenId", message),
        SigV4Failure.ExpiredToken => new(400, "ExpiredToken", message),
        _ => new(403, "SignatureDoesNotMatch", message),
    };

    public override AwsServiceException AccessDenied(string message) => new(403, AccessDeniedCode, message);
}
