using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Metering;

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
internal sealed partial class MeteringJsonContext : JsonSerializerContext;
