using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Metering;

/// <summary>Source-generated JSON for the metering handlers' inputs and outputs (their contract with the state machines).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LogsSubscriptionEvent))]
[JsonSerializable(typeof(LogsSubscriptionPayload))]
[JsonSerializable(typeof(AggregationSummary))]
[JsonSerializable(typeof(CloseHourRequest))]
[JsonSerializable(typeof(CloseHourResult))]
[JsonSerializable(typeof(MarkPublishedRequest))]
[JsonSerializable(typeof(MarkPublishedResult))]
[JsonSerializable(typeof(UsageQueryRequest))]
[JsonSerializable(typeof(UsageReport))]
public sealed partial class MeteringJsonContext : JsonSerializerContext;
