using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tenancy.Lambda.Hosting.Features;

namespace Tenancy.Lambda.Hosting.Marshalling;

/// <summary>
/// RFC 9457 problem details for failures the app did not answer itself: an unhandled exception (500) or a request cut
/// off by the invocation deadline (504). They carry the Lambda request id for support, never exception details.
/// </summary>
internal static class ProblemResponses
{
    public static void Write(LambdaHttpFeatures features, int status)
    {
        var (type, title) = status == StatusCodes.Status504GatewayTimeout
            ? ("https://tools.ietf.org/html/rfc9110#section-15.6.5", "The request did not complete before the function's deadline.")
            : ("https://tools.ietf.org/html/rfc9110#section-15.6.1", "An error occurred while processing your request.");
        features.ResponseHeaders.ContentType = "application/problem+json";
        features.ResponseHeaders.CacheControl = "no-store";
        using var writer = new Utf8JsonWriter(features.ResponseBuffer);
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("title", title);
        writer.WriteNumber("status", status);
        writer.WriteString("requestId", features.Context.AwsRequestId);
        writer.WriteEndObject();
    }
}
