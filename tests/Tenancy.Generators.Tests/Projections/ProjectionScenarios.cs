namespace Tenancy.Generators.Tests.Projections;

/// <summary>Projection declarations over the repository scenarios' entities.</summary>
internal static class ProjectionScenarios
{
    /// <summary>A public record projection of Order: an enum, a nested list, a version; partition key template with a placeholder.</summary>
    public const string OrderSummary = """
        namespace Shop.Support;

        using Shop.Orders;

        [TenantProjection(typeof(Order))]
        public sealed partial record OrderSummary
        {
            public required string Id { get; init; }
            public OrderStatus Status { get; init; }
            public decimal Total { get; init; }
            public List<OrderLine> Lines { get; init; } = [];
            public long Version { get; init; }
        }
        """;

    /// <summary>An internal positional projection of Memo (no partition template, a Guid key).</summary>
    public const string MemoTitle = """
        namespace Notes;

        [TenantProjection(typeof(Memo))]
        internal sealed partial record MemoTitle(Guid Id, string Title);
        """;

    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["OrderSummary"] = [Scenarios.Orders, OrderSummary],
        ["MemoTitle"] = [Scenarios.Memos, MemoTitle],
    };

    public static TheoryData<string> Names => new(All.Keys);
}
