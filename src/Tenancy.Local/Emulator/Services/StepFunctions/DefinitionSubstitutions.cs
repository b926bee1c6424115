using System.Text.RegularExpressions;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Applies a state machine's <c>DefinitionSubstitutions</c> the way CloudFormation does (<c>${Name}</c> replaced
/// verbatim), and refuses a definition that keeps a placeholder nothing substitutes.
/// </summary>
public static partial class DefinitionSubstitutions
{
    public static string Apply(string definition, IReadOnlyDictionary<string, string> substitutions)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var result = Placeholder().Replace(definition, match =>
        {
            var name = match.Groups[1].Value;
            if (substitutions.TryGetValue(name, out var value))
            {
                return value;
            }

            missing.Add(name);
            return match.Value;
        });

        return missing.Count == 0
            ? result
            : throw new InvalidDataException($"The definition uses substitutions nobody provides: {string.Join(", ", missing)}.");
    }

    /// <summary>The placeholder names a definition uses.</summary>
    public static IReadOnlySet<string> NamesIn(string definition) =>
        Placeholder().Matches(definition).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
