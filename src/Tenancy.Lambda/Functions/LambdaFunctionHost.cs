using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Tenancy.Lambda.Runtime;

namespace Tenancy.Lambda.Functions;

/// <summary>
/// Hosts non-HTTP functions: typed handlers with source-generated JSON, several per binary, the one to run chosen by the
/// function's handler setting (<c>_HANDLER</c>).
/// <code>
/// return await new LambdaFunctionHost()
///     .Map("authorizer", Json.Default.AuthorizerRequest, Json.Default.AuthorizerResponse, Authorizer.HandleAsync)
///     .Map("pre-token", Json.Default.PreTokenEvent, Json.Default.PreTokenEvent, PreToken.Handle)
///     .RunAsync();
/// </code>
/// </summary>
public sealed class LambdaFunctionHost
{
    /// <summary>The error type reported to init/error when <c>_HANDLER</c> names no registered handler.</summary>
    public const string NoSuchHandlerErrorType = "Runtime.NoSuchHandler";

    private readonly Dictionary<string, ILambdaInvocationHandler> _handlers = new(StringComparer.Ordinal);

    /// <summary>The registered handler names.</summary>
    public IReadOnlyCollection<string> HandlerNames => _handlers.Keys;

    /// <summary>Registers an asynchronous handler under <paramref name="name"/>.</summary>
    public LambdaFunctionHost Map<TIn, TOut>(string name, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, LambdaInvocationContext, CancellationToken, Task<TOut>> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(name, new TypedLambdaHandler<TIn, TOut>(input, output, handler)))
        {
            throw new ArgumentException($"A handler named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers a synchronous handler under <paramref name="name"/>.</summary>
    public LambdaFunctionHost Map<TIn, TOut>(string name, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, LambdaInvocationContext, TOut> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(name, input, output, (request, context, _) => Task.FromResult(handler(request, context)));
    }

    /// <summary>
    /// The handler for <paramref name="handlerName"/>; with a single registration an empty name selects it.
    /// </summary>
    public bool TryResolve(string? handlerName, out ILambdaInvocationHandler handler)
    {
        if (string.IsNullOrEmpty(handlerName) && _handlers.Count == 1)
        {
            handler = _handlers.Values.First();
            return true;
        }

        return _handlers.TryGetValue(handlerName ?? string.Empty, out handler!);
    }

    /// <summary>
    /// Runs the handler named by <c>_HANDLER</c> until SIGTERM. An unknown handler is reported to init/error.
    /// </summary>
    /// <returns>The process exit code: 0 after a graceful shutdown, 1 after an init failure.</returns>
    public async Task<int> RunAsync(LambdaRuntimeOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new LambdaRuntimeOptions();
        logger ??= StandardErrorLogger.Instance;
        var address = options.RuntimeApiAddress
            ?? throw new InvalidOperationException($"{LambdaEnvironment.RuntimeApiVariable} is not set: this process is not running as a Lambda function.");
        var handlerName = options.HandlerName;
        if (!TryResolve(handlerName, out var handler))
        {
            var known = string.Join(", ", _handlers.Keys);
            var failure = new KeyNotFoundException($"No handler is registered under the name \"{handlerName}\" (known: {known}).");
            RuntimeLog.InitFailed(logger, failure);
            using var reporter = new RuntimeApiClient(address, LambdaFunctionSettings.FromEnvironment(), options.TimeProvider);
            await reporter.SendInitErrorAsync(LambdaErrorPayload.FromException(failure, NoSuchHandlerErrorType), CancellationToken.None).ConfigureAwait(false);
            return 1;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stopping.Cancel();
        });
        using var client = new RuntimeApiClient(address, LambdaFunctionSettings.FromEnvironment(), options.TimeProvider);
        await new LambdaRuntimeLoop(client, handler, options, logger).RunAsync(stopping.Token).ConfigureAwait(false);
        return 0;
    }
}
