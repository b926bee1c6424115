namespace Tenancy.Local.Emulator;

/// <summary>How the local cloud runs the template's own functions when a service invokes one.</summary>
public sealed class LocalTemplateFunctionsOptions
{
    /// <summary>Per logical id, an executable speaking the Runtime API to run instead of the published bootstrap.</summary>
    public IReadOnlyDictionary<string, string> BootstrapOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Warm environments per function at most; further invocations wait for one to be free.</summary>
    public int MaxConcurrencyPerFunction { get; init; } = 4;

    /// <summary>Hears every line a function writes (logical id, line).</summary>
    public Action<string, string>? LogSink { get; init; }

    /// <summary>Hears about publishes of a stale bootstrap.</summary>
    public Action<string>? BuildLog { get; init; }
}
