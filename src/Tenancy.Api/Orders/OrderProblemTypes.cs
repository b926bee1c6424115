using Tenancy.Api.Problems;

namespace Tenancy.Api.Orders;

/// <summary>The problem <c>type</c> URIs only the orders feature produces.</summary>
public static class OrderProblemTypes
{
    public const string InvalidTransition = ProblemTypes.Base + "invalid-status-transition";
}
