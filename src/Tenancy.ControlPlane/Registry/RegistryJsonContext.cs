using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Registry;

/// <summary>Source-generated JSON of the registry function: camelCase, nulls omitted, unknown members refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RegistryRequest))]
[JsonSerializable(typeof(RegistryItemView))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
