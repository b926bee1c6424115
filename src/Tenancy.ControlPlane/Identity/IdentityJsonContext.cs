using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tenancy.ControlPlane.Identity;

/// <summary>Source-generated JSON of the identity functions (Cognito events stay JSON objects: V2 claims may be objects).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(AuthorizerRequest))]
[JsonSerializable(typeof(AuthorizerResponse))]
internal sealed partial class IdentityJsonContext : JsonSerializerContext;
