namespace Tenancy.Observability;

/// <summary>Reads the real process environment.</summary>
public sealed class ProcessEnvironmentReader : IEnvironmentReader
{
    private ProcessEnvironmentReader()
    {
    }

    /// <summary>The single instance; the process has one environment.</summary>
    public static ProcessEnvironmentReader Instance { get; } = new();

    /// <inheritdoc/>
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
