namespace Tenancy.Local.Emulator.Pipeline;

/// <summary>
/// The one error every local service throws: AWS's HTTP status and error code with its message. The pipeline writes
/// it in the service's protocol (JSON <c>__type</c> or an awsQuery <c>ErrorResponse</c>), so services never write
/// errors themselves.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public const string InternalFailure = "InternalFailure";

    public AwsServiceException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public AwsServiceException()
    {
        Code = InternalFailure;
    }

    public AwsServiceException(string message)
        : base(message)
    {
        Code = InternalFailure;
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = InternalFailure;
    }

    public int Status { get; } = 500;

    public string Code { get; }

    /// <summary>A 400 client error, the status JSON-protocol services (KMS, DynamoDB) use for every request error.</summary>
    public static AwsServiceException ClientError(string code, string message) => new(400, code, message);
}
