namespace Tenancy.Analyzers.Tests.Verification;

/// <summary>Source snippets shared by the rule tests.</summary>
internal static class Samples
{
    public const string Usings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Tenancy.Isolation;
        using Tenancy.Isolation.Repositories;

        """;

    /// <summary>A valid entity: partition per customer, orders by id, a status index, a version and an encrypted note.</summary>
    public const string Order = """
        [TenantEntity("ORDER#{Id}", PartitionKey = "CUSTOMER#{CustomerId}")]
        [TenantIndex("GSI1", PartitionKey = "STATUS#{Status}", SortKey = "{CreatedAt}", PartitionKeyAttributeName = "GSI1PK", SortKeyAttributeName = "GSI1SK")]
        public sealed class Order
        {
            public string CustomerId { get; set; } = "";
            public Guid Id { get; set; }
            public OrderStatus Status { get; set; }
            public DateTimeOffset CreatedAt { get; set; }
            public decimal Total { get; set; }
            public List<string> Lines { get; set; } = new();
            public Dictionary<string, int> Counts { get; set; } = new();
            public HashSet<string> Tags { get; set; } = new();
            public Address? Shipping { get; set; }
            public int? Priority { get; set; }
            [Encrypted] public string? Note { get; set; }
            [ConcurrencyVersion] public long Version { get; set; }
            [NotStored] public object? Cache { get; set; }
        }

        public enum OrderStatus { Open, Shipped }

        public sealed record Address(string Street, string City);

        """;

    /// <summary>A valid repository covering every convention.</summary>
    public const string OrderRepository = """
        [TenantRepository(typeof(Order))]
        public partial interface IOrderRepository
        {
            Task<Order?> GetAsync(TenantScope scope, string customerId, Guid id, CancellationToken cancellationToken = default);
            Task<Order> CreateAsync(TenantScope scope, Order order, CancellationToken cancellationToken = default);
            Task<Order> UpsertAsync(TenantScope scope, Order order);
            Task<Order> UpdateAsync(TenantScope scope, Order order, CancellationToken cancellationToken);
            Task<bool> DeleteAsync(TenantScope scope, string customerId, Guid id);
            Task<Page<Order>> QueryAsync(TenantScope scope, string customerId, SortKeyCondition? condition, PageRequest page, CancellationToken cancellationToken = default);
            [QueryIndex("GSI1")]
            Task<Page<Order>> QueryByStatusAsync(TenantScope scope, OrderStatus status, PageRequest page);
        }

        """;
}
