using Tenancy.Local.Auth;

namespace Tenancy.Local.Protocol;

/// <summary>The AWS error code and HTTP status each protocol uses for an authentication failure.</summary>
public static class SigV4ErrorCodes
{
    /// <summary>JSON-protocol services (DynamoDB, KMS).</summary>
    public static (int Status, string Code) Json(SigV4Failure failure) => failure switch
    {
        SigV4Failure.MissingAuthentication => (400, "MissingAuthenticationTokenException"),
        SigV4Failure.MalformedAuthorization => (400, "IncompleteSignatureException"),
        SigV4Failure.UnknownAccessKey or SigV4Failure.MissingOrWrongSessionToken => (400, "UnrecognizedClientException"),
        SigV4Failure.ExpiredToken => (400, "ExpiredTokenException"),
        _ => (400, "InvalidSignatureException"),
    };

    /// <summary>awsQuery services (STS).</summary>
    public static (int Status, string Code) Query(SigV4Failure failure) => failure switch
    {
        SigV4Failure.MissingAuthentication => (403, "MissingAuthenticationToken"),
        SigV4Failure.MalformedAuthorization => (400, "IncompleteSignature"),
        SigV4Failure.UnknownAccessKey or SigV4Failure.MissingOrWrongSessionToken => (403, "InvalidClientTokenId"),
        SigV4Failure.ExpiredToken => (400, "ExpiredToken"),
        _ => (403, "SignatureDoesNotMatch"),
    };
}
