namespace Tenancy.Api.Orders;

/// <summary>The requested status change is not one of <see cref="OrderTransitions"/>; maps to 409.</summary>
public sealed class InvalidOrderTransitionException : Exception
{
    public InvalidOrderTransitionException(OrderStatus from, OrderStatus to)
        : base($"An order that is {from} cannot become {to}.")
    {
        From = from;
        To = to;
    }

    public OrderStatus From { get; }

    public OrderStatus To { get; }
}
