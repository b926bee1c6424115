using Tenancy.Api.Problems;

namespace Tenancy.Api.Orders;

/// <summary>Only pending orders may have their customer or lines changed; 409.</summary>
public sealed class OrderNotEditableException : ApiProblemException
{
    public OrderNotEditableException(OrderStatus status)
        : base(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "The order can no longer be edited.", $"An order that is {status} can no longer be edited; only Pending orders can.")
    {
    }
}
