namespace Tenancy.Local.Emulator.Iam;

/// <summary>A parsed condition operator: the base comparison plus the set qualifier and <c>IfExists</c> suffix.</summary>
public sealed record ConditionOperator(string Text, ConditionComparison Comparison, bool Negated, SetQualifier Set, bool IfExists)
{
    public static ConditionOperator Parse(string text)
    {
        var rest = text;
        var set = SetQualifier.None;
        if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            set = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }
        else if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            set = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }

        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal) && rest != "IfExists";
        if (ifExists)
        {
            rest = rest[..^"IfExists".Length];
        }

        var (comparison, negated) = rest switch
        {
            "StringEquals" => (ConditionComparison.StringEquals, false),
            "StringNotEquals" => (ConditionComparison.StringEquals, true),
            "StringEqualsIgnoreCase" => (ConditionComparison.StringEqualsIgnoreCase, false),
            "StringNotEqualsIgnoreCase" => (ConditionComparison.StringEqualsIgnoreCase, true),
            "StringLike" => (ConditionComparison.StringLike, false),
            "StringNotLike" => (ConditionComparison.StringLike, true),
            "ArnEquals" or "ArnLike" => (ConditionComparison.ArnLike, false),
            "ArnNotEquals" or "ArnNotLike" => (ConditionComparison.ArnLike, true),
            "Bool" => (ConditionComparison.Bool, false),
            "Null" => (ConditionComparison.Null, false),
            "NumericEquals" => (ConditionComparison.NumericEquals, false),
            "NumericNotEquals" => (ConditionComparison.NumericEquals, true),
            "NumericLessThan" => (ConditionComparison.NumericLessThan, false),
            "NumericLessThanEquals" => (ConditionComparison.NumericLessThanEquals, false),
            "NumericGreaterThan" => (ConditionComparison.NumericGreaterThan, false),
            "NumericGreaterThanEquals" => (ConditionComparison.NumericGreaterThanEquals, false),
            // An operator the evaluator does not know must not silently pass or fail: refuse the policy.
            _ => throw new PolicyFormatException($"Unsupported condition operator '{text}'."),
        };

        if (comparison == ConditionComparison.Null && (set != SetQualifier.None || ifExists))
        {
            throw new PolicyFormatException($"Condition operator '{text}' is not valid.");
        }

        return new ConditionOperator(text, comparison, negated, set, ifExists);
    }
}

/// <summary>The comparison a condition operator makes.</summary>
public enum ConditionComparison
{
    StringEquals,
    StringEqualsIgnoreCase,
    StringLike,
    ArnLike,
    Bool,
    Null,
    NumericEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
}

/// <summary>How a condition treats multi-valued request keys.</summary>
public enum SetQualifier
{
    None,
    ForAllValues,
    ForAnyValue,
}
