using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>Source-generated JSON of the tier-change handler's input and output (camelCase, as the state machine passes them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TierChangeRequest))]
[JsonSerializable(typeof(TierChangeResult))]
internal sealed partial class TierChangeJsonContext : JsonSerializerContext;
