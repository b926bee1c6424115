using Tenancy.Api.Problems;

namespace Tenancy.Api.Orders;

/// <summary>The requested status change is not one of <see cref="OrderTransitions"/>; 409.</summary>
public sealed class InvalidOrderTransitionException : ApiProblemException
{
    public InvalidOrderTransitionException(OrderStatus from, OrderStatus to)
        : base(StatusCodes.Status409Conflict, OrderProblemTypes.InvalidTransition, "The order cannot change to that status.", $"An order that is {from} cannot become {to}.")
    {
        From = from;
        To = to;
    }

    public OrderStatus From { get; }

    public OrderStatus To { get; }
}
