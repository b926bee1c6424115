using System.ComponentModel;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Builds a query's key condition. The entity's literal sort key prefix is always part of it, and every range is
/// closed inside that prefix, so a <see cref="SortKeyCondition"/> can never reach another entity type's items.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SortKeyExpression
{
    /// <summary>Sorts after every string that starts with the prefix (U+10FFFF is the largest UTF-8 code point).</summary>
    private const string PrefixUpperBound = "\U0010FFFF";

    /// <summary>
    /// Returns the key condition <c>#pk = :pk</c> narrowed by <paramref name="condition"/> on <c>#sk</c> (within
    /// <paramref name="literalPrefix"/>), adding the names and values it uses.
    /// </summary>
    public static string Build(
        string partitionKeyAttribute,
        string partitionKey,
        string sortKeyAttribute,
        string literalPrefix,
        SortKeyCondition? condition,
        Dictionary<string, string> names,
        Dictionary<string, AttributeValue> values)
    {
        ArgumentNullException.ThrowIfNull(literalPrefix);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        const string partition = "#pk = :pk";
        names["#pk"] = partitionKeyAttribute;
        values[":pk"] = AttributeWriter.FromString(partitionKey);
        if (condition is not null || literalPrefix.Length != 0)
        {
            names["#sk"] = sortKeyAttribute;
        }

        if (condition is null)
        {
            if (literalPrefix.Length == 0)
            {
                return partition;
            }

            values[":sk"] = AttributeWriter.FromString(literalPrefix);
            return partition + " AND begins_with(#sk, :sk)";
        }

        var value = Checked(condition.Value, "value");
        switch (condition.Operator)
        {
            case SortKeyOperator.BeginsWith:
                values[":sk"] = AttributeWriter.FromString(literalPrefix + value);
                return partition + " AND begins_with(#sk, :sk)";
            case SortKeyOperator.Between:
                values[":sk"] = AttributeWriter.FromString(literalPrefix + value);
                values[":skUpper"] = AttributeWriter.FromString(literalPrefix + Checked(condition.UpperBound, "upper bound"));
                return partition + " AND #sk BETWEEN :sk AND :skUpper";
            case SortKeyOperator.GreaterThanOrEqual:
                values[":sk"] = AttributeWriter.FromString(literalPrefix + value);
                values[":skUpper"] = AttributeWriter.FromString(literalPrefix + PrefixUpperBound);
                return partition + " AND #sk BETWEEN :sk AND :skUpper";
            case SortKeyOperator.LessThanOrEqual:
                if (literalPrefix.Length == 0)
                {
                    values[":skUpper"] = AttributeWriter.FromString(value);
                    return partition + " AND #sk <= :skUpper";
                }

                values[":sk"] = AttributeWriter.FromString(literalPrefix);
                values[":skUpper"] = AttributeWriter.FromString(literalPrefix + value);
                return partition + " AND #sk BETWEEN :sk AND :skUpper";
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown sort key operator.");
        }
    }

    private static string Checked(string? value, string what)
    {
        var error = KeySegment.Validate(value);
        return error is null ? value! : throw new InvalidKeySegmentException($"The sort key condition's {what} {error}");
    }
}
