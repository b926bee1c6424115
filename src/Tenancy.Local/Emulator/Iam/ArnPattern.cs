namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// Matches an ARN against a policy resource pattern the way IAM does: the six colon-separated parts
/// (<c>arn:partition:service:region:account:resource</c>) are matched part by part, so a wildcard in the region
/// cannot swallow the account; the resource part may itself contain colons.
/// </summary>
public static class ArnPattern
{
    public static bool IsMatch(string pattern, string arn)
    {
        if (pattern == "*")
        {
            return true;
        }

        var patternParts = pattern.Split(':', 6);
        var arnParts = arn.Split(':', 6);
        if (patternParts.Length != 6 || arnParts.Length != 6)
        {
            return WildcardPattern.IsMatch(pattern, arn);
        }

        for (var i = 0; i < 6; i++)
        {
            if (!WildcardPattern.IsMatch(patternParts[i], arnParts[i]))
            {
                return false;
            }
        }

        return true;
    }
}
