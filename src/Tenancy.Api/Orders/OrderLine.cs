namespace Tenancy.Api.Orders;

/// <summary>One product line of an order.</summary>
public sealed record OrderLine
{
    public string Sku { get; init; } = string.Empty;

    public int Quantity { get; init; }

    public decimal UnitPrice { get; init; }
}
