namespace Tenancy.Generators.Tests;

/// <summary>Representative repository declarations the approval and incrementality tests run the generator over.</summary>
internal static class Scenarios
{
    public const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Tenancy.Isolation;
        global using Tenancy.Isolation.Repositories;
        """;

    /// <summary>Partition key template, a tenant index, an encrypted attribute, a version, nested types and an enum.</summary>
    public const string Orders = """
        namespace Shop.Orders;

        public enum OrderStatus { Pending, Shipped, Cancelled }

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
            [Encrypted] public string? Note { get; init; }
            [ConcurrencyVersion] public long Version { get; init; }
            [NotStored] public int LineCount => Lines.Count;
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
        """;

    /// <summary>A positional record keyed by one Guid (batch get), internal, without cancellation tokens.</summary>
    public const string Memos = """
        namespace Notes;

        [TenantEntity("MEMO#{Id}")]
        internal sealed record Memo(Guid Id, string Title, byte[]? Attachment);

        [TenantRepository(typeof(Memo))]
        internal partial interface IMemoRepository
        {
            Task<Memo?> GetAsync(TenantScope scope, Guid id);
            Task<Memo> UpsertAsync(TenantScope scope, Memo memo);
            Task<bool> DeleteAsync(TenantScope scope, Guid id);
            Task<IReadOnlyList<Memo>> BatchGetAsync(TenantScope scope, IEnumerable<Guid> ids);
            Task<Page<Memo>> QueryAsync(TenantScope scope, PageRequest page);
        }
        """;

    /// <summary>Every supported stored type.</summary>
    public const string AllTypes = """
        namespace Samples;

        public enum Color { Red, Green }

        [Flags]
        public enum Permissions : byte { None = 0, Read = 1, Write = 2 }

        public readonly record struct Point(double X, double Y);

        public sealed class Node
        {
            public string Label { get; set; } = string.Empty;
            public List<Node> Children { get; set; } = [];
        }

        [TenantEntity("SAMPLE#{Id}#{Color}", SortKeyAttributeName = "sk", PartitionKeyAttributeName = "pk")]
        public sealed class Sample
        {
            public string Id { get; set; } = string.Empty;
            public Color Color { get; set; }
            public string? OptionalText { get; set; }
            public bool Flag { get; set; }
            public bool? OptionalFlag { get; set; }
            public byte Byte { get; set; }
            public sbyte SByte { get; set; }
            public short Int16 { get; set; }
            public ushort UInt16 { get; set; }
            public int Int32 { get; set; }
            public uint UInt32 { get; set; }
            public long Int64 { get; set; }
            public ulong UInt64 { get; set; }
            public float Single { get; set; }
            public double Double { get; set; }
            public decimal Decimal { get; set; }
            public int? OptionalInt32 { get; set; }
            public Guid Guid { get; set; }
            public DateTime DateTime { get; set; }
            public DateTimeOffset DateTimeOffset { get; set; }
            public TimeSpan TimeSpan { get; set; }
            public DateOnly DateOnly { get; set; }
            public TimeOnly TimeOnly { get; set; }
            public Permissions Permissions { get; set; }
            public byte[] Bytes { get; set; } = [];
            public List<string?> Strings { get; set; } = [];
            public int[] Numbers { get; set; } = [];
            public IReadOnlyList<int?> NullableNumbers { get; set; } = [];
            public List<List<int>> Nested { get; set; } = [];
            public HashSet<string> StringSet { get; set; } = [];
            public ISet<decimal> DecimalSet { get; set; } = new HashSet<decimal>();
            public HashSet<byte[]>? BinarySet { get; set; }
            public Dictionary<string, int> Counts { get; set; } = [];
            public IReadOnlyDictionary<string, Point> Points { get; set; } = new Dictionary<string, Point>();
            public Point Location { get; set; }
            public Point? OptionalLocation { get; set; }
            public Node? Tree { get; set; }
            [StoredName("renamed")] public string Renamed { get; set; } = string.Empty;
            [Encrypted] public byte[]? Secret { get; set; }
            public int Computed => Int32 * 2;
        }

        [TenantRepository(typeof(Sample))]
        public partial interface ISampleRepository
        {
            Task<Sample?> GetAsync(TenantScope scope, string id, Color color, CancellationToken cancellationToken);
            Task<Sample> UpsertAsync(TenantScope scope, Sample sample, CancellationToken cancellationToken);
            Task<Page<Sample>> QueryAsync(TenantScope scope, SortKeyCondition condition, PageRequest page, CancellationToken cancellationToken);
        }
        """;

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [nameof(Orders)] = Orders,
        [nameof(Memos)] = Memos,
        [nameof(AllTypes)] = AllTypes,
    };

    public static TheoryData<string> Names => new(All.Keys);
}
