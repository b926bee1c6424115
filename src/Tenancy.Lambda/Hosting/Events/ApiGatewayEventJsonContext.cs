using System.Text.Json.Serialization;

namespace Tenancy.Lambda.Hosting.Events;

/// <summary>
/// Source-generated metadata for the events the server reads. Shipped with the library (unlike the original adapter,
/// whose users must declare one) because these types are ours; case-insensitive like Lambda's own serializer.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RestApiRequest))]
[JsonSerializable(typeof(HttpApiRequest))]
internal sealed partial class ApiGatewayEventJsonContext : JsonSerializerContext;
