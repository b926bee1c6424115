using Tenancy.Isolation.Repositories;

namespace Tenancy.Testing.Samples;

[TenantEntity("ORDER#{Id}", PartitionKey = "CUSTOMER#{CustomerId}")]
[TenantIndex("GSI1", PartitionKey = "STATUS#{Status}", SortKey = "{CreatedAt}")]
public sealed record Order
{
    public required string CustomerId { get; init; }

    public required string Id { get; init; }

    public OrderStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public decimal Total { get; init; }

    public List<OrderLine> Lines { get; init; } = [];

    public Address? ShippingAddress { get; init; }

    [Encrypted]
    public string? Note { get; init; }

    [ConcurrencyVersion]
    public long Version { get; init; }

    [NotStored]
    public int LineCount => Lines.Count;
}
