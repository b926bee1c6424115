using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Api.Orders;

/// <summary>
/// Source-generated JSON for the orders contracts, with the options every API context shares. Request bodies are
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
internal sealed partial class OrdersJsonContext : JsonSerializerContext
{
}
