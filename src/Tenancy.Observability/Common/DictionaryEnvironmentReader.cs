namespace Tenancy.Observability;

/// <summary>A fixed environment, for tests and for hosts that configure observability from another source.</summary>
public sealed class DictionaryEnvironmentReader(IReadOnlyDictionary<string, string> variables) : IEnvironmentReader
{
    private readonly IReadOnlyDictionary<string, string> _variables = variables ?? throw new ArgumentNullException(nameof(variables));

    /// <inheritdoc/>
    public string? Get(string name) => _variables.TryGetValue(name, out var value) ? value : null;
}
