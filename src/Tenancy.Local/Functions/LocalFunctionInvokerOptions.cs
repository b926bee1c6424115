namespace Tenancy.Local.Functions;

/// <summary>Where the functions come from and what they run with.</summary>
public sealed class LocalFunctionInvokerOptions
{
    /// <summary>The repository (sources to publish, <c>artifacts/functions/</c>); found from the working directory when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The template the functions are read from; <c>template.yaml</c> at the repository root when null.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Template parameter values (env.json's <c>Parameters</c>), for Refs without a default.</summary>
    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Variables given to every function after the template's (the local cloud's endpoints and the function role's
    /// credentials), then <see cref="FunctionEnvironmentOverrides"/> on top.
    /// </summary>
    public IReadOnlyDictionary<string, string> CommonEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Per logical id, variables after <see cref="CommonEnvironment"/> (the function's own credentials), asked once per function.</summary>
    public Func<string, IReadOnlyDictionary<string, string>>? FunctionEnvironment { get; init; }

    /// <summary>Per logical id, the variables of an env.json file (they win over everything else).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> FunctionEnvironmentOverrides { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Environments per function at most; further invocations wait for one to be free.</summary>
    public int MaxConcurrencyPerFunction { get; init; } = 4;

    /// <summary>
    /// Per logical id, an executable to run instead of the published bootstrap (any custom runtime speaking the Runtime
    /// API, as Lambda's provided runtimes accept); nothing is published for such a function.
    /// </summary>
    public IReadOnlyDictionary<string, string> BootstrapOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Replaces the template's timeout of every function (tests of the timeout path).</summary>
    public int? TimeoutSecondsOverride { get; init; }

    /// <summary>Hears every line a function writes (logical id, line), as it is written.</summary>
    public Action<string, string>? LogSink { get; init; }

    /// <summary>Hears about publishes of a stale bootstrap.</summary>
    public Action<string>? BuildLog { get; init; }
}
