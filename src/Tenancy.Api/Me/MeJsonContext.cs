using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Api.Me;

/// <summary>Source-generated JSON for <c>/me</c>, with the options every API context shares.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(MeResponse))]
internal sealed partial class MeJsonContext : JsonSerializerContext
{
}
