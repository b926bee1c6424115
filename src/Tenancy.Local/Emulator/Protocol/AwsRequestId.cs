namespace Tenancy.Local.Emulator.Protocol;

/// <summary>Request ids shaped like AWS's (a UUID), sent as <c>x-amzn-RequestId</c>.</summary>
public static class AwsRequestId
{
    public static string New() => Guid.NewGuid().ToString();
}
