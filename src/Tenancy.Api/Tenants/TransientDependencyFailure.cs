using System.Net;
using Amazon.Runtime;

namespace Tenancy.Api.Tenants;

/// <summary>
/// Whether a failure of an AWS dependency (registry table, STS, KMS, tenant tables) is temporary — throttling, a 5xx,
/// or no connection — so the client should retry (503) rather than be told its data or tenant is broken.
/// </summary>
public static class TransientDependencyFailure
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
        "TooManyRequestsException", "LimitExceededException", "ServiceUnavailable", "ServiceUnavailableException",
        "InternalFailure", "InternalServerError", "KMSInternalException", "DependencyTimeoutException",
    };

    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        AmazonServiceException service when service.ErrorCode is { } code && ThrottlingCodes.Contains(code) => true,
        AmazonServiceException service when (int)service.StatusCode >= 500 => true,
        AmazonServiceException { StatusCode: HttpStatusCode.TooManyRequests } => true,
        HttpRequestException or TimeoutException => true,
        _ => Is(exception.InnerException),
    };
}
