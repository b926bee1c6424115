using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.Sts;

/// <summary>The STS errors the local STS raises, with AWS's codes and statuses.</summary>
public static class StsErrors
{
    public static AwsServiceException Validation(string message) => new(400, "ValidationError", message);

    public static AwsServiceException InvalidParameter(string message) => new(400, "InvalidParameterValue", message);

    public static AwsServiceException AccessDenied(string message) => AwsProtocol.Query.AccessDenied(message);
}
