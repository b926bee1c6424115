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

    /// <summary>How the sort key is compared.</summary>
    public SortKeyOperator Operator { get; }

    /// <summary>The prefix or value compared with, or the lower bound of <see cref="SortKeyOperator.Between"/>.</summary>
    public string Value { get; }

    /// <summary>The inclusive upper bound of <see cref="SortKeyOperator.Between"/>, otherwise null.</summary>
    public string? UpperBound { get; }

    /// <summary>Sort keys starting with <paramref name="prefix"/>.</summary>
    public static SortKeyCondition BeginsWith(string prefix) => new(SortKeyOperator.BeginsWith, prefix ?? throw new ArgumentNullException(nameof(prefix)), null);

    /// <summary>Sort keys from <paramref name="lowerInclusive"/> to <paramref name="upperInclusive"/>, both included.</summary>
    public static SortKeyCondition Between(string lowerInclusive, string upperInclusive) =>
        new(SortKeyOperator.Between, lowerInclusive ?? throw new ArgumentNullException(nameof(lowerInclusive)), upperInclusive ?? throw new ArgumentNullException(nameof(upperInclusive)));

    /// <summary>Sort keys at or after <paramref name="value"/>.</summary>
    public static SortKeyCondition GreaterThanOrEqual(string value) => new(SortKeyOperator.GreaterThanOrEqual, value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>Sort keys at or before <paramref name="value"/>.</summary>
    public static SortKeyCondition LessThanOrEqual(string value) => new(SortKeyOperator.LessThanOrEqual, value ?? throw new ArgumentNullException(nameof(value)), null);
}
