namespace Tenancy.Observability;

/// <summary>Reads the real process environment.</summary>
public sealed class ProcessEnvironmentReader : IEnvironmentReader
{
    private ProcessEnvironmentReader()
    {
    }

    public static ProcessEnvironmentReader Instance { get; } = new();

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
