namespace Tenancy.Api.Orders;

/// <summary>The lifecycle of an order; <see cref="OrderTransitions"/> says which moves are allowed.</summary>
public enum OrderStatus
{
    Pending = 0,
    Confirmed = 1,
    Shipped = 2,
    Delivered = 3,
    Cancelled = 4,
}
