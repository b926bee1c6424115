using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>An AWS wire protocol as far as errors go: how it writes one, and the codes it uses for SigV4 and IAM failures.</summary>
public abstract class AwsProtocol
{
    /// <summary>JSON 1.1 (KMS): bare <c>__type</c>.</summary>
    public static readonly AwsProtocol Json11 = new AwsJsonProtocol("application/x-amz-json-1.1", typePrefix: string.Empty);

    /// <summary>JSON 1.0 (DynamoDB): <c>__type</c> namespaced <c>com.amazon.coral.service#</c>.</summary>
    public static readonly AwsProtocol Json10 = new AwsJsonProtocol("application/x-amz-json-1.0", typePrefix: "com.amazon.coral.service#");

    /// <summary>AWS JSON errors as <c>application/json</c>: for requests no service recognised.</summary>
    public static readonly AwsProtocol GenericJson = new AwsJsonProtocol("application/json", typePrefix: string.Empty);

    /// <summary>Plain <c>{"__type", "message"}</c> JSON (the Cognito-like issuer's HTTP endpoints).</summary>
    public static readonly AwsProtocol PlainJson = new PlainJsonProtocol();

    /// <summary>REST-JSON (API Gateway): <c>x-amzn-ErrorType</c> header, <c>{"message"}</c> body, status per error.</summary>
    public static readonly AwsProtocol RestJson = new RestJsonProtocol();

    /// <summary>awsQuery (STS): XML <c>ErrorResponse</c>.</summary>
    public static readonly AwsProtocol Query = new AwsQueryProtocol();

    /// <summary>REST-XML (S3): an <c>Error</c> document.</summary>
    public static readonly AwsProtocol S3Xml = new S3XmlProtocol();

    /// <summary>The response content type of the protocol.</summary>
    public abstract string ContentType { get; }

    /// <summary>The error code of an IAM denial in this protocol.</summary>
    public abstract string AccessDeniedCode { get; }

    public abstract Task WriteErrorAsync(HttpContext context, AwsServiceException error);

    /// <summary>The error AWS returns for a request whose signature could not be verified.</summary>
    public abstract AwsServiceException SignatureError(SigV4Failure failure, string message);

    /// <summary>The error AWS returns when IAM denies a request.</summary>
    public abstract AwsServiceException AccessDenied(string message);

    public bool IsAccessDenied(AwsServiceException error) => error.Code == AccessDeniedCode;
}
