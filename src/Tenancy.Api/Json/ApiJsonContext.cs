using System.Text.Json;
using System.Text.Json.Serialization;
using Tenancy.Api.Hosting;
using Tenancy.Api.Me;
using Tenancy.Api.Orders;
using Tenancy.Api.Problems;

namespace Tenancy.Api.Json;

/// <summary>
/// Source-generated JSON for every request and response type (no reflection, Native-AOT safe). Request bodies are
/// strict: a member the contract does not declare (such as <c>tenantId</c>) is an error, not silently dropped.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CreateOrderRequest))]
[JsonSerializable(typeof(UpdateOrderRequest))]
[JsonSerializable(typeof(ChangeOrderStatusRequest))]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(OrderPageResponse))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ApiProblem))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
}
