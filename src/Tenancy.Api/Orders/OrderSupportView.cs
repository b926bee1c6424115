using Tenancy.Isolation.Repositories;

namespace Tenancy.Api.Orders;

/// <summary>
/// What a read-only support session may see of an order: no customer data, no lines. The generator emits
/// <c>OrderSupportViewRepository</c>, whose reads request exactly <see cref="StoredAttributeNames"/> — the attribute
/// list of the template's <c>TenantSupportReadRole</c>.
/// </summary>
[TenantProjection(typeof(Order))]
public sealed partial record OrderSupportView
{
    public string Id { get; init; } = string.Empty;

    public OrderStatus Status { get; init; }

    public decimal Total { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }
}
