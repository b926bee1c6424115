namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// IAM wildcard matching: <c>*</c> matches any run of characters, <c>?</c> one character. A backslash escapes the
/// next character, which is how substituted policy-variable values and <c>${*}</c> stay literal.
/// </summary>
public static class WildcardPattern
{
    public static bool IsMatch(string pattern, string value, bool ignoreCase = false)
    {
        // Iterative glob with backtracking to the last star: linear in practice, no regex compilation.
        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = ++p;
                starV = v;
                continue;
            }

            if (p < pattern.Length && pattern[p] == '?')
            {
                p++;
                v++;
                continue;
            }

            if (p < pattern.Length && LiteralAt(pattern, p, out var literal, out var width) && CharEquals(literal, value[v], ignoreCase))
            {
                p += width;
                v++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP;
            v = ++starV;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Escapes <c>*</c>, <c>?</c> and <c>\</c> so a value is matched literally inside a pattern.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny('*', '?', '\\') < 0)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c is '*' or '?' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Removes escapes, for comparisons that treat the pattern as a plain string (StringEquals).</summary>
    public static string Unescape(string pattern)
    {
        if (!pattern.Contains('\\', StringComparison.Ordinal))
        {
            return pattern;
        }

        var builder = new System.Text.StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                i++;
            }

            builder.Append(pattern[i]);
        }

        return builder.ToString();
    }

    private static bool LiteralAt(string pattern, int index, out char literal, out int width)
    {
        if (pattern[index] == '\\' && index + 1 < pattern.Length)
        {
            literal = pattern[index + 1];
            width = 2;
            return true;
        }

        literal = pattern[index];
        width = 1;
        return true;
    }

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
