namespace Tenancy.Local.Sts;

/// <summary>An STS error to return to the caller with AWS's code and status.</summary>
public sealed class StsRequestException : Exception
{
    public StsRequestException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public StsRequestException()
    {
        Code = "InternalFailure";
    }

    public StsRequestException(string message)
        : base(message)
    {
        Code = "InternalFailure";
    }

    public StsRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalFailure";
    }

    public int Status { get; } = 500;

    public string Code { get; }

    public static StsRequestException Validation(string message) => new(400, "ValidationError", message);

    public static StsRequestException InvalidParameter(string message) => new(400, "InvalidParameterValue", message);

    public static StsRequestException AccessDenied(string message) => new(403, "AccessDenied", message);
}
