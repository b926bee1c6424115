namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>
/// ListUsers' <c>Filter</c>: <c>attribute = "value"</c> (exact) or <c>attribute ^= "value"</c> (prefix) on the
/// attributes Cognito makes searchable. Custom attributes are not searchable in Cognito, so they are refused here too.
/// </summary>
public static class CognitoUserFilter
{
    private static readonly HashSet<string> Searchable = new(StringComparer.Ordinal)
    {
        "username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username", "cognito:user_status", "status", "sub",
    };

    public static IEnumerable<CognitoUser> Apply(IEnumerable<CognitoUser> users, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return users;
        }

        var prefix = filter.Contains("^=", StringComparison.Ordinal);
        var parts = filter.Split(prefix ? "^=" : "=", 2);
        var attribute = parts[0].Trim();
        var quoted = parts.Length == 2 ? parts[1].Trim() : string.Empty;
        if (parts.Length != 2 || quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
        {
            throw CognitoErrors.InvalidParameter("Error while parsing filter.");
        }

        if (!Searchable.Contains(attribute))
        {
            throw CognitoErrors.InvalidParameter($"Invalid search attribute: {attribute}");
        }

        var value = quoted[1..^1];
        return users.Where(u =>
        {
            var actual = attribute switch
            {
                "username" => u.Username,
                "cognito:user_status" => u.StatusText,
                "status" => u.Enabled ? "Enabled" : "Disabled",
                _ => u.Attributes.GetValueOrDefault(attribute),
            };
            return actual is not null && (prefix ? actual.StartsWith(value, StringComparison.Ordinal) : actual == value);
        });
    }
}
