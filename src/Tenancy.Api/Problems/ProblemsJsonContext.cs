using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Api.Problems;

/// <summary>
/// Source-generated JSON for the problem document (no reflection, Native-AOT safe). Every context in the API uses the
/// same options, so the features' contexts chain into one consistent wire format.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ApiProblem))]
internal sealed partial class ProblemsJsonContext : JsonSerializerContext
{
}
