using Tenancy.Isolation.Repositories;

namespace Tenancy.Api.Orders;

/// <summary>
/// A tenant's order, stored as <c>PK = TENANT#&lt;tenant&gt;</c>, <c>SK = ORDER#&lt;id&gt;</c> in the tenant's table.
/// The customer's email is personal data and is envelope-encrypted under the tenant's own key; the customer's name
/// and the order lines are sensitive too, so no projection (and so no support session) reads any of them.
/// </summary>
[TenantEntity("ORDER#{Id}")]
public sealed record Order
{
    /// <summary>A version-7 GUID in <c>N</c> format: 32 lowercase hex digits that sort by creation time.</summary>
    public string Id { get; init; } = string.Empty;

    [Sensitive]
    public string CustomerName { get; init; } = string.Empty;

    [Encrypted]
    public string CustomerEmail { get; init; } = string.Empty;

    [Sensitive]
    public List<OrderLine> Lines { get; init; } = [];

    public decimal Total { get; init; }

    public OrderStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    [ConcurrencyVersion]
    public long Version { get; init; }
}
