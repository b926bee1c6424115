namespace Tenancy.Isolation.Repositories;

/// <summary>The comparisons DynamoDB supports on a sort key in a query.</summary>
public enum SortKeyOperator
{
    /// <summary>The sort key starts with the value.</summary>
    BeginsWith,
    /// <summary>The sort key lies between two values, both included.</summary>
    Between,
    /// <summary>The sort key is at or after the value.</summary>
    GreaterThanOrEqual,
    /// <summary>The sort key is at or before the value.</summary>
    LessThanOrEqual,
}
