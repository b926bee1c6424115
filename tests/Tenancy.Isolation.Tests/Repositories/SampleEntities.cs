using Tenancy.Isolation.Repositories;

namespace Tenancy.Isolation.Tests.Repositories;

public enum OrderStatus
{
    Pending,
    Shipped,
    Cancelled,
}

/// <summary>A nested record with its own generated mapping.</summary>
public sealed record Address(string Street, string City, string? PostalCode);

public sealed class OrderLine
{
    public string Sku { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}

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

[TenantRepository(typeof(Order))]
public partial interface IOrderRepository
{
    Task<Order?> GetAsync(TenantScope scope, string customerId, string id, CancellationToken cancellationToken = default);

    Task<Order> CreateAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);

    Task<Order> UpsertAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);

    Task<Order> UpdateAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(TenantScope scope, string customerId, string id, CancellationToken cancellationToken = default);

    Task<Page<Order>> QueryByCustomerAsync(TenantScope scope, string customerId, SortKeyCondition? condition, PageRequest page, CancellationToken cancellationToken = default);

    [QueryIndex("GSI1")]
    Task<Page<Order>> QueryByStatusAsync(TenantScope scope, OrderStatus status, SortKeyCondition? createdAt, PageRequest page, CancellationToken cancellationToken = default);
}

/// <summary>One placeholder in the whole key, so it supports batch get.</summary>
[TenantEntity("NOTE#{Id}")]
public sealed record Memo(Guid Id, string Title, byte[]? Attachment);

[TenantRepository(typeof(Memo))]
public partial interface IMemoRepository
{
    Task<Memo?> GetAsync(TenantScope scope, Guid id, CancellationToken cancellationToken = default);

    Task<Memo> UpsertAsync(TenantScope scope, Memo memo, CancellationToken cancellationToken = default);

    Task<Memo> CreateAsync(TenantScope scope, Memo memo, CancellationToken cancellationToken = default);

    Task<Memo> UpdateAsync(TenantScope scope, Memo memo, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(TenantScope scope, Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Memo>> BatchGetAsync(TenantScope scope, IEnumerable<Guid> ids, CancellationToken cancellationToken = default);

    Task<Page<Memo>> QueryAllAsync(TenantScope scope, SortKeyCondition? condition, PageRequest page, CancellationToken cancellationToken = default);
}
