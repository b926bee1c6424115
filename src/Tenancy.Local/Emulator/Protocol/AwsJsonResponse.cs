using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Protocol;

/// <summary>Writes AWS JSON protocol responses (KMS uses 1.1, DynamoDB 1.0): a JSON body, or an error with <c>__type</c>.</summary>
public static class AwsJsonResponse
{
    public static Task WriteAsync(HttpContext context, JsonObject body, string contentType) =>
        WriteRawAsync(context, 200, body.ToJsonString(), contentType);

    /// <summary>Writes an AWS JSON protocol error.</summary>
    /// <param name="context">The request to answer.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="type">The error type as AWS writes it in <c>__type</c> (KMS: bare name; DynamoDB: namespaced).</param>
    /// <param name="message">The error message.</param>
    /// <param name="contentType">The service's JSON content type.</param>
    public static Task WriteErrorAsync(HttpContext context, int status, string type, string message, string contentType)
    {
        var body = new JsonObject { ["__type"] = type, ["message"] = message, ["Message"] = message };
        context.Response.Headers["x-amzn-ErrorType"] = type[(type.LastIndexOf('#') + 1)..];
        return WriteRawAsync(context, status, body.ToJsonString(), contentType);
    }

    private static async Task WriteRawAsync(HttpContext context, int status, string json, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-amzn-RequestId"] = AwsRequestId.New();
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }
}
