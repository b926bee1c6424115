using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>Source-generated JSON of the offboarding handlers' input and output (camelCase, as the state machine passes them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PooledDataDeletionRequest))]
[JsonSerializable(typeof(PooledDataDeletionResult))]
internal sealed partial class OffboardingJsonContext : JsonSerializerContext;
