namespace Tenancy.Api.Orders;

/// <summary>
/// The allowed status moves: Pending → Confirmed → Shipped → Delivered, and Pending or Confirmed → Cancelled.
/// Delivered and Cancelled are final.
/// </summary>
public static class OrderTransitions
{
    public static bool IsAllowed(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Pending, OrderStatus.Confirmed) => true,
        (OrderStatus.Confirmed, OrderStatus.Shipped) => true,
        (OrderStatus.Shipped, OrderStatus.Delivered) => true,
        (OrderStatus.Pending, OrderStatus.Cancelled) => true,
        (OrderStatus.Confirmed, OrderStatus.Cancelled) => true,
        _ => false,
    };

    public static void EnsureAllowed(OrderStatus from, OrderStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw new InvalidOrderTransitionException(from, to);
        }
    }
}
