using Amazon.DynamoDBv2.DataModel;
using Tenancy.Isolation;
using Tenancy.Isolation.Repositories;

namespace Tenancy.Benchmarks.Generators;

public enum BenchStatus
{
    Pending,
    Shipped,
}

public sealed class BenchLine
{
    public string Sku { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}

/// <summary>
/// A typical order, mapped both by the Tenancy generator (TenantEntity) and by DynamoDBContext (DynamoDBTable), so the
/// two conversions handle the same properties.
/// </summary>
[TenantEntity("ORDER#{Id}")]
[DynamoDBTable("AppData")]
public sealed class BenchOrder
{
    [DynamoDBHashKey]
    public string Id { get; set; } = string.Empty;

    public string CustomerId { get; set; } = string.Empty;

    public BenchStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public decimal Total { get; set; }

    public int ItemCount { get; set; }

    public bool Paid { get; set; }

    public string? Note { get; set; }

    public List<string> Tags { get; set; } = [];

    public List<BenchLine> Lines { get; set; } = [];
}

[TenantRepository(typeof(BenchOrder))]
public partial interface IBenchOrderRepository
{
    Task<BenchOrder?> GetAsync(TenantScope scope, string id, CancellationToken cancellationToken = default);
}
