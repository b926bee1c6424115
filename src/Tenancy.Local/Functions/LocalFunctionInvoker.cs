using System.Collections.Concurrent;

namespace Tenancy.Local.Functions;

/// <summary>
/// Invokes the functions of <c>template.yaml</c> as Lambda does: each function's Native-AOT <c>bootstrap</c>
/// (published first when stale) runs against a local Runtime API, with the template's handler, memory, timeout and
/// environment plus Lambda's reserved variables; warm environments are reused, per function up to a concurrency
/// limit. Function errors, timeouts and init failures come back as Lambda returns them (an error payload with its
/// <c>errorType</c>), never as exceptions.
/// </summary>
public sealed class LocalFunctionInvoker : ILocalFunctionInvoker, IAsyncDisposable
{
    private readonly LocalFunctionInvokerOptions _options;
    private readonly string _repositoryRoot;
    private readonly IReadOnlyDictionary<string, TemplateFunction> _functions;
    private readonly FunctionBootstrapPublisher _publisher;
    private readonly ConcurrentDictionary<string, Lazy<FunctionEnvironmentPool>> _pools = new(StringComparer.Ordinal);

    public LocalFunctionInvoker(LocalFunctionInvokerOptions? options = null)
    {
        _options = options ?? new LocalFunctionInvokerOptions();
        _repositoryRoot = _options.RepositoryRoot ?? RepositoryRoot.Find()
            ?? throw new InvalidOperationException("The repository root (Tenancy.sln) was not found; run from inside the repository.");
        var templatePath = _options.TemplatePath ?? Path.Combine(_repositoryRoot, "template.yaml");
        _functions = TemplateFunctionReader.Read(templatePath, _options.ParameterOverrides);
        _publisher = new FunctionBootstrapPublisher(_repositoryRoot);
    }

    /// <summary>The template's functions by logical id.</summary>
    public IReadOnlyDictionary<string, TemplateFunction> Functions => _functions;

    /// <summary>Warm (idle) environments of a function right now.</summary>
    public int WarmEnvironments(string logicalId) =>
        _pools.TryGetValue(logicalId, out var pool) && pool.IsValueCreated ? pool.Value.WarmCount : 0;

    /// <summary>Publishes the function's bootstrap if it is stale, without invoking it (to take the build out of a first request).</summary>
    public Task<string> PrepareAsync(string logicalId, CancellationToken cancellationToken) =>
        _publisher.EnsurePublishedAsync(Function(logicalId).ProjectName, _options.BuildLog, cancellationToken);

    public async Task<LocalInvocationResult> InvokeAsync(string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        (await InvokeWithReportAsync(logicalId, payload, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Invokes and returns Lambda's report of the invocation (logs, durations, memory) with the result.</summary>
    public Task<LocalInvocationReport> InvokeWithReportAsync(string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var pool = _pools.GetOrAdd(logicalId, id => new Lazy<FunctionEnvironmentPool>(() => CreatePool(Function(id)))).Value;
        return pool.InvokeAsync(payload, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _pools.Values.Where(p => p.IsValueCreated))
        {
            await pool.Value.DisposeAsync().ConfigureAwait(false);
        }

        _pools.Clear();
    }

    private TemplateFunction Function(string logicalId) =>
        _functions.TryGetValue(logicalId, out var function)
            ? function
            : throw new UnknownFunctionException(logicalId, _functions.Keys);

    private FunctionEnvironmentPool CreatePool(TemplateFunction function)
    {
        if (_options.TimeoutSecondsOverride is { } timeout)
        {
            function = function with { TimeoutSeconds = timeout };
        }

        return new FunctionEnvironmentPool(
            function,
            _options.BootstrapOverrides.TryGetValue(function.LogicalId, out var overridden)
                ? _ => Task.FromResult(Path.GetFullPath(overridden))
                : ct => _publisher.EnsurePublishedAsync(function.ProjectName, _options.BuildLog, ct),
            EnvironmentOf(function),
            _options.MaxConcurrencyPerFunction,
            _options.LogSink);
    }

    // Lambda's reserved variables, then the template's, the common ones, the function's own and env.json's, each layer winning.
    private Dictionary<string, string> EnvironmentOf(TemplateFunction function)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["_HANDLER"] = function.Handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.LogicalId,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.LogicalId}",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_REGION"] = Emulator.LocalAccount.Region,
            ["AWS_DEFAULT_REGION"] = Emulator.LocalAccount.Region,
            ["LAMBDA_TASK_ROOT"] = _publisher.OutputDirectory(function.ProjectName),
            ["TZ"] = "UTC",
            // Nothing of the developer's own AWS set-up may reach the function.
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        };
        var layers = new[]
        {
            function.Environment,
            _options.CommonEnvironment,
            _options.FunctionEnvironment?.Invoke(function.LogicalId),
            _options.FunctionEnvironmentOverrides.GetValueOrDefault(function.LogicalId),
        };
        foreach (var layer in layers)
        {
            foreach (var (name, value) in layer ?? new Dictionary<string, string>())
            {
                environment[name] = value;
            }
        }

        return environment;
    }
}
