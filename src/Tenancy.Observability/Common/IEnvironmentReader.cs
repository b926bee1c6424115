namespace Tenancy.Observability;

/// <summary>
/// Reads environment variables. Logging and metrics read their Powertools-style settings through this seam so tests
/// can supply a fixed environment instead of mutating the process-wide one.
/// </summary>
public interface IEnvironmentReader
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Get(string name);
}
