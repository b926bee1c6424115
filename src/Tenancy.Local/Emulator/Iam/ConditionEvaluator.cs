using System.Globalization;

namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// Evaluates one condition against the request context with IAM's rules for missing keys and multi-valued keys:
/// a missing key makes positive operators false, negated ones true, <c>ForAllValues</c> true (vacuously — which is
/// why a <c>Null</c> guard is needed) and <c>ForAnyValue</c> false; <c>…IfExists</c> is true when the key is missing.
/// </summary>
public static class ConditionEvaluator
{
    public static bool IsSatisfied(PolicyCondition condition, RequestContext context)
    {
        var op = condition.Operator;
        var requestValues = context.Get(condition.Key);
        var present = requestValues is { Count: > 0 };

        if (op.Comparison == ConditionComparison.Null)
        {
            // Null: "true" means the key must be absent, "false" that it must be present.
            return condition.Values.Any(v => bool.TryParse(v, out var wantsAbsent) && wantsAbsent != present);
        }

        if (!present)
        {
            return op.Set switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => false,
                _ => op.IfExists || op.Negated,
            };
        }

        var policyValues = condition.Values
            .Select(v => PolicyVariables.Substitute(v, context, asPattern: op.Comparison is ConditionComparison.StringLike or ConditionComparison.ArnLike))
            .Where(v => v is not null)
            .Select(v => v!)
            .ToList();

        bool MatchesAny(string requestValue) => policyValues.Any(p => Compare(op.Comparison, p, requestValue));

        return op.Set switch
        {
            // Every request value must match (negated: must match none of the policy values).
            SetQualifier.ForAllValues => requestValues!.All(v => MatchesAny(v) != op.Negated),
            // At least one request value must match (negated: at least one matches none).
            SetQualifier.ForAnyValue => requestValues!.Any(v => MatchesAny(v) != op.Negated),
            _ => op.Negated ? !requestValues!.Any(MatchesAny) : requestValues!.Any(MatchesAny),
        };
    }

    private static bool Compare(ConditionComparison comparison, string policyValue, string requestValue) => comparison switch
    {
        ConditionComparison.StringEquals => string.Equals(policyValue, requestValue, StringComparison.Ordinal),
        ConditionComparison.StringEqualsIgnoreCase => string.Equals(policyValue, requestValue, StringComparison.OrdinalIgnoreCase),
        ConditionComparison.StringLike => WildcardPattern.IsMatch(policyValue, requestValue),
        ConditionComparison.ArnLike => ArnPattern.IsMatch(policyValue, requestValue),
        ConditionComparison.Bool => bool.TryParse(policyValue, out var p) && bool.TryParse(requestValue, out var r) && p == r,
        _ => CompareNumbers(comparison, policyValue, requestValue),
    };

    private static bool CompareNumbers(ConditionComparison comparison, string policyValue, string requestValue)
    {
        if (!decimal.TryParse(policyValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
            || !decimal.TryParse(requestValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var r))
        {
            return false;
        }

        return comparison switch
        {
            ConditionComparison.NumericEquals => r == p,
            ConditionComparison.NumericLessThan => r < p,
            ConditionComparison.NumericLessThanEquals => r <= p,
            ConditionComparison.NumericGreaterThan => r > p,
            ConditionComparison.NumericGreaterThanEquals => r >= p,
            _ => false,
        };
    }
}
