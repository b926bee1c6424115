namespace Tenancy.Api.Orders;

/// <summary>Only pending orders may have their customer or lines changed; maps to 409.</summary>
public sealed class OrderNotEditableException : Exception
{
    public OrderNotEditableException(OrderStatus status)
        : base($"An order that is {status} can no longer be edited; only Pending orders can.")
    {
    }
}
