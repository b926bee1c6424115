using System.Collections.Generic;
using System.Threading;
using Tenancy.Generators.Model;

namespace Tenancy.Generators.Parsing;

/// <summary>State of one entity's mapping analysis: the object and enum types reached so far.</summary>
internal sealed class MappingContext
{
    public MappingContext(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }

    /// <summary>Object types by helper suffix; null while the type is being analysed (supports recursive types).</summary>
    public Dictionary<string, ObjectSpec?> Objects { get; } = new();

    public List<string> ObjectOrder { get; } = new();

    public Dictionary<string, EnumSpec> Enums { get; } = new();

    private Dictionary<string, string> Suffixes { get; } = new();

    /// <summary>
    /// A short, readable helper-name suffix for a type: its simple name, numbered when two types of this entity
    /// share a simple name.
    /// </summary>
    public string SuffixFor(string fullyQualifiedName, string simpleName)
    {
        if (Suffixes.TryGetValue(fullyQualifiedName, out var existing))
        {
            return existing;
        }

        var suffix = simpleName;
        for (var i = 2; Suffixes.ContainsValue(suffix); i++)
        {
            suffix = simpleName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Suffixes[fullyQualifiedName] = suffix;
        return suffix;
    }
}
