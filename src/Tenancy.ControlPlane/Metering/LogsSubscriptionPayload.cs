using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// The decoded subscription payload. <c>CONTROL_MESSAGE</c> deliveries only check that the destination is reachable and
/// carry no log events worth counting.
/// </summary>
public sealed record LogsSubscriptionPayload(
    [property: JsonPropertyName("messageType")] string? MessageType,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("logGroup")] string? LogGroup,
    [property: JsonPropertyName("logStream")] string? LogStream,
    [property: JsonPropertyName("subscriptionFilters")] IReadOnlyList<string>? SubscriptionFilters,
    [property: JsonPropertyName("logEvents")] IReadOnlyList<LogEventRecord>? LogEvents)
{
    public const string DataMessage = "DATA_MESSAGE";
    public const string ControlMessage = "CONTROL_MESSAGE";
}

/// <summary>One log event: CloudWatch's unique id, its time in epoch milliseconds and the line itself.</summary>
public sealed record LogEventRecord(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message")] string? Message);
