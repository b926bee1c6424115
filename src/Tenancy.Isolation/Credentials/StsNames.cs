namespace Tenancy.Isolation.Credentials;

/// <summary>The character set STS allows in role session names and source identities: <c>[\w+=,.@-]</c>.</summary>
internal static class StsNames
{
    public static bool IsAllowed(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '+' or '=' or ',' or '.' or '@' or '-';

    public static bool AllAllowed(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }
}
