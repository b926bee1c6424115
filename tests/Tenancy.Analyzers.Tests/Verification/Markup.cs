using System.Text.RegularExpressions;

namespace Tenancy.Analyzers.Tests.Verification;

internal static partial class Markup
{
    /// <summary>Removes <c>{|#n:</c>/<c>{|ID:</c> … <c>|}</c> diagnostic markup, leaving the plain code.</summary>
    public static string Strip(string source) => Close().Replace(Open().Replace(source, string.Empty), string.Empty);

    [GeneratedRegex(@"\{\|[#A-Za-z0-9]+:")]
    private static partial Regex Open();

    [GeneratedRegex(@"\|\}")]
    private static partial Regex Close();
}
