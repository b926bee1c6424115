namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// IAM's evaluation of one set of policies: an explicit deny wins, otherwise any matching allow allows, otherwise the
/// request is implicitly denied. A statement matches when its action, resource (after policy-variable substitution),
/// principal (trust policies) and every condition match.
/// </summary>
public static class PolicyEvaluator
{
    public static PolicyDecision Evaluate(IEnumerable<PolicyDocument> policies, string action, string resource, RequestContext context, RequestPrincipal? principal = null)
    {
        var decision = PolicyDecision.ImplicitDeny;
        foreach (var policy in policies)
        {
            foreach (var statement in policy.Statements)
            {
                if (!Matches(statement, action, resource, context, principal))
                {
                    continue;
                }

                if (!statement.IsAllow)
                {
                    return PolicyDecision.ExplicitDeny;
                }

                decision = PolicyDecision.Allow;
            }
        }

        return decision;
    }

    private static bool Matches(PolicyStatement statement, string action, string resource, RequestContext context, RequestPrincipal? principal)
    {
        if (statement.Principal is not null && (principal is null || !statement.Principal.Matches(principal)))
        {
            return false;
        }

        var actionMatches = statement.Actions is not null
            ? statement.Actions.Any(a => WildcardPattern.IsMatch(a, action, ignoreCase: true))
            : !statement.NotActions!.Any(a => WildcardPattern.IsMatch(a, action, ignoreCase: true));
        if (!actionMatches)
        {
            return false;
        }

        // Trust policies carry no Resource: the role itself is the resource.
        if (statement.Resources is not null && !statement.Resources.Any(r => ResourceMatches(r, resource, context)))
        {
            return false;
        }

        if (statement.NotResources is not null && statement.NotResources.Any(r => ResourceMatches(r, resource, context)))
        {
            return false;
        }

        return statement.Conditions.All(c => ConditionEvaluator.IsSatisfied(c, context));
    }

    private static bool ResourceMatches(string pattern, string resource, RequestContext context)
    {
        var substituted = PolicyVariables.Substitute(pattern, context, asPattern: true);
        return substituted is not null && ArnPattern.IsMatch(substituted, resource);
    }
}
