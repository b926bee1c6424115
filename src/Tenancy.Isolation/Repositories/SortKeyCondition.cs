namespace Tenancy.Isolation.Repositories;

/// <summary>
/// Narrows a query within a partition by the sort key's first placeholder value. The entity's literal sort key
/// prefix (e.g. <c>ORDER#</c>) is always applied, so a condition can never reach another entity type's items.
/// </summary>
public sealed class SortKeyCondition
{
    private SortKeyCondition(SortKeyOperator @operator, string value, string? upperBound)
    {
        Operator = @operator;
        Value = value;
        UpperBound = upperBound;
    }

    public SortKeyOperator Operator { get; }

    public string Value { get; }

    public string? UpperBound { get; }

    public static SortKeyCondition BeginsWith(string prefix) => new(SortKeyOperator.BeginsWith, prefix ?? throw new ArgumentNullException(nameof(prefix)), null);

    public static SortKeyCondition Between(string lowerInclusive, string upperInclusive) =>
        new(SortKeyOperator.Between, lowerInclusive ?? throw new ArgumentNullException(nameof(lowerInclusive)), upperInclusive ?? throw new ArgumentNullException(nameof(upperInclusive)));

    public static SortKeyCondition GreaterThanOrEqual(string value) => new(SortKeyOperator.GreaterThanOrEqual, value ?? throw new ArgumentNullException(nameof(value)), null);

    public static SortKeyCondition LessThanOrEqual(string value) => new(SortKeyOperator.LessThanOrEqual, value ?? throw new ArgumentNullException(nameof(value)), null);
}
