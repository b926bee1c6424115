using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Testing.Events;

/// <summary>
/// Builds CloudWatch Logs subscription deliveries exactly as the service sends them to a function:
/// <c>{"awslogs":{"data": base64(gzip(json))}}</c> with DATA_MESSAGE or CONTROL_MESSAGE payloads.
/// </summary>
public static class AwsLogsDelivery
{
    public const string LogGroup = "/aws/lambda/tenancy-ApiFunction";

    /// <summary>A DATA_MESSAGE with one log event per (id, line).</summary>
    public static string Data(IEnumerable<(string Id, string Message)> events, long timestamp = 1_764_691_200_000)
    {
        var logEvents = new JsonArray();
        foreach (var (id, message) in events)
        {
            logEvents.Add(new JsonObject { ["id"] = id, ["timestamp"] = timestamp, ["message"] = message });
        }

        return Wrap(new JsonObject
        {
            ["messageType"] = "DATA_MESSAGE",
            ["owner"] = "123456789012",
            ["logGroup"] = LogGroup,
            ["logStream"] = "2026/12/02/[$LATEST]0123456789abcdef0123456789abcdef",
            ["subscriptionFilters"] = new JsonArray("tenancy-usage"),
            ["logEvents"] = logEvents,
        });
    }

    /// <summary>The CONTROL_MESSAGE CloudWatch Logs sends to check the destination.</summary>
    public static string Control() => Wrap(new JsonObject
    {
        ["messageType"] = "CONTROL_MESSAGE",
        ["owner"] = "CloudwatchLogs",
        ["logGroup"] = string.Empty,
        ["logStream"] = string.Empty,
        ["subscriptionFilters"] = new JsonArray(),
        ["logEvents"] = new JsonArray(new JsonObject { ["id"] = string.Empty, ["timestamp"] = 1_764_691_200_000, ["message"] = "CWL CONTROL MESSAGE: Checking health of destination Lambda function." }),
    });

    /// <summary>A delivery whose data is the given raw bytes, gzip'd and base64'd (for malformed payloads).</summary>
    public static string WithData(string base64) => new JsonObject { ["awslogs"] = new JsonObject { ["data"] = base64 } }.ToJsonString();

    public static string Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    private static string Wrap(JsonObject payload) => WithData(Gzip(payload.ToJsonString()));
}
