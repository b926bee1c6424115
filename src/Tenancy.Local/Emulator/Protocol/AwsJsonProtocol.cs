using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>AWS JSON 1.0/1.1: errors as <c>{"__type", "message"}</c> with <c>x-amzn-ErrorType</c>; IAM denials are 400 <c>AccessDeniedException</c>.</summary>
public sealed class AwsJsonProtocol : AwsProtocol
{
    private readonly string _typePrefix;

    /// <param name="contentType">The protocol's content type (<c>application/x-amz-json-1.0</c>, <c>-1.1</c>).</param>
    /// <param name="typePrefix">Prepended to every <c>__type</c> (DynamoDB namespaces its error types).</param>
    public AwsJsonProtocol(string contentType, string typePrefix)
    {
        ContentType = contentType;
        _typePrefix = typePrefix;
    }

    public override string ContentType { get; }

    public override string AccessDeniedCode => "AccessDeniedException";

    public override Task WriteErrorAsync(HttpContext context, AwsServiceException error) =>
        AwsJsonResponse.WriteErrorAsync(context, error.Status, _typePrefix + error.Code, error.Message, ContentType);

    public override AwsServiceException SignatureError(SigV4Failure failure, string message) => failure switch
    {
        SigV4Failure.MissingAuthentication => new(400, "MissingAuthenticationTokenException", message),
        SigV4Failure.MalformedAuthorization => new(400, "IncompleteSignatureException", message),
        SigV4Failure.UnknownAccessKey or SigV4Failure.MissingOrWrongSessionToken => new(400, "UnrecognizedClientException", message),
        SigV4Failure.ExpiredToken => new(400, "ExpiredTokenException", message),
        _ => new(400, "InvalidSignatureException", message),
    };

    public override AwsServiceException AccessDenied(string message) => new(400, AccessDeniedCode, message);
}
