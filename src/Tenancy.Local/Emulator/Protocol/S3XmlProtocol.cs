using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>S3's REST-XML errors: <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>; IAM denials are 403 <c>AccessDenied</c>.</summary>
public sealed class S3XmlProtocol : AwsProtocol
{
    public override string ContentType => "application/xml";

    public override string AccessDeniedCode => "AccessDenied";

    public override Task WriteErrorAsync(HttpContext context, AwsServiceException error) =>
        S3XmlResponse.WriteErrorAsync(context, error.Status, error.Code, error.Message);

    public override AwsServiceException SignatureError(SigV4Failure failure, string message) => failure switch
    {
        // S3 treats a request without credentials as anonymous, and anonymous access is denied.
        SigV4Failure.MissingAuthentication => new(403, AccessDeniedCode, "Access Denied"),
        SigV4Failure.MalformedAuthorization => new(400, "AuthorizationHeaderMalformed", message),
        SigV4Failure.UnknownAccessKey => new(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."),
        SigV4Failure.MissingOrWrongSessionToken => new(400, "InvalidToken", "The provided token is malformed or otherwise invalid."),
        SigV4Failure.ExpiredToken => new(400, "ExpiredToken", "The provided token has expired."),
        SigV4Failure.RequestTimeTooSkewed => new(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large."),
        SigV4Failure.PayloadHashMismatch => new(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed."),
        _ => new(403, "SignatureDoesNotMatch", message),
    };

    public override AwsServiceException AccessDenied(string message) => new(403, AccessDeniedCode, message);
}
