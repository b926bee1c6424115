using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Metering;

/// <summary>What a CloudWatch Logs subscription delivers to a function: <c>{"awslogs":{"data":"base64(gzip(json))"}}</c>.</summary>
public sealed record LogsSubscriptionEvent([property: JsonPropertyName("awslogs")] LogsSubscriptionData? Awslogs);

/// <summary>The compressed, encoded payload of a subscription delivery.</summary>
public sealed record LogsSubscriptionData([property: JsonPropertyName("data")] string? Data);
