using System.Text;

namespace Tenancy.Local.Emulator.Iam;

/// <summary>
/// Substitutes policy variables (<c>${aws:PrincipalTag/TenantID}</c>) from the request context, and the escapes
/// <c>${*}</c>, <c>${?}</c>, <c>${$}</c>. A variable whose key is missing makes the whole value unusable (null),
/// which is how IAM treats it: that resource or condition value simply does not match.
/// </summary>
public static class PolicyVariables
{
    /// <param name="text">A resource or condition value from a policy.</param>
    /// <param name="context">The request context.</param>
    /// <param name="asPattern">True when the result is a wildcard pattern: substituted values are escaped so a tag value of "*" stays literal.</param>
    public static string? Substitute(string text, RequestContext context, bool asPattern)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOf("${", index, StringComparison.Ordinal);
            if (start < 0)
            {
                builder.Append(text, index, text.Length - index);
                break;
            }

            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                builder.Append(text, index, text.Length - index);
                break;
            }

            builder.Append(text, index, start - index);
            var name = text[(start + 2)..end];
            switch (name)
            {
                case "*" or "?":
                    builder.Append(asPattern ? "\\" + name : name);
                    break;
                case "$":
                    builder.Append('$');
                    break;
                default:
                    var values = context.Get(name);
                    if (values is not { Count: 1 })
                    {
                        // Missing (or multi-valued) keys cannot be substituted: the value never matches.
                        return null;
                    }

                    builder.Append(asPattern ? WildcardPattern.Escape(values[0]) : values[0]);
                    break;
            }

            index = end + 1;
        }

        return builder.ToString();
    }
}
