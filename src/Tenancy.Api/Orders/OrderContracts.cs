namespace Tenancy.Api.Orders;

// The wire shapes of the orders API. Bodies are strict: unknown members (for example a tenantId) are rejected.

public sealed record OrderLineRequest(string? Sku, int? Quantity, decimal? UnitPrice);

public sealed record CreateOrderRequest(string? CustomerName, string? CustomerEmail, List<OrderLineRequest>? Lines);

/// <summary>Replaces the editable fields of a pending order. The expected version comes from <c>If-Match</c> or <see cref="Version"/>.</summary>
public sealed record UpdateOrderRequest(string? CustomerName, string? CustomerEmail, List<OrderLineRequest>? Lines, long? Version);

public sealed record ChangeOrderStatusRequest(OrderStatus? Status, long? Version);

public sealed record OrderLineResponse(string Sku, int Quantity, decimal UnitPrice);

public sealed record OrderResponse(
    string Id,
    string CustomerName,
    string CustomerEmail,
    IReadOnlyList<OrderLineResponse> Lines,
    decimal Total,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static OrderResponse From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderResponse(
            order.Id,
            order.CustomerName,
            order.CustomerEmail,
            order.Lines.Select(l => new OrderLineResponse(l.Sku, l.Quantity, l.UnitPrice)).ToList(),
            order.Total,
            order.Status,
            order.CreatedAt,
            order.UpdatedAt,
            order.Version);
    }
}

/// <summary>One page of orders; pass <see cref="ContinuationToken"/> back to get the next page (null on the last).</summary>
public sealed record OrderPageResponse(IReadOnlyList<OrderResponse> Items, string? ContinuationToken);
