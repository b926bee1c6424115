using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>Source-generated JSON of <c>tenant-objects-deletion</c>'s input and output (camelCase, as the state machine passes them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TenantObjectsDeletionRequest))]
[JsonSerializable(typeof(TenantObjectsDeletionResult))]
internal sealed partial class ObjectsJsonContext : JsonSerializerContext;
