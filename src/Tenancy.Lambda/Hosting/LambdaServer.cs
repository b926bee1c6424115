using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tenancy.Lambda.Runtime;

namespace Tenancy.Lambda.Hosting;

/// <summary>
/// The ASP.NET Core server for API Gateway events. <see cref="StartAsync{TContext}"/> returns once the invocation loop
/// runs in the background (so <c>ApplicationStarted</c> fires and hosted services start normally); host shutdown
/// (SIGTERM) stops the loop. Without a Runtime API address it serves only <see cref="InvokeAsync"/>, which tests,
/// benchmarks and local emulators use to invoke the app in-process.
/// </summary>
public sealed class LambdaServer : IServer
{
    private readonly LambdaHostingOptions _options;
    private readonly ILogger<LambdaServer> _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly CancellationTokenSource _stopping = new();
    private ILambdaInvocationHandler? _handler;
    private RuntimeApiClient? _client;
    private Task? _loop;
    private bool _disposed;

    /// <summary>Creates the server; <paramref name="lifetime"/>, when given, is stopped if the runtime loop ends.</summary>
    public LambdaServer(IOptions<LambdaHostingOptions> options, ILogger<LambdaServer> logger, IHostApplicationLifetime? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <inheritdoc/>
    public IFeatureCollection Features { get; } = new FeatureCollection();

    /// <summary>Starts polling the Runtime API in the background and hands each API Gateway event to <paramref name="application"/>.</summary>
    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        _handler = new ApiGatewayInvocationHandler<TContext>(application, _options, _logger);
        if (_options.Runtime.RuntimeApiAddress is { } address)
        {
            _client = new RuntimeApiClient(address, LambdaFunctionSettings.FromEnvironment(), _options.Runtime.TimeProvider);
            var runtimeLoop = new LambdaRuntimeLoop(_client, _handler, _options.Runtime, _logger);
            HostingLog.Serving(_logger, _options.EventSource, address);
            _loop = Task.Run(() => RunLoopAsync(runtimeLoop), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Invokes the application with one event, as the loop does; call <see cref="LambdaResponse.AfterResponseSent"/> afterwards.</summary>
    public Task<LambdaResponse> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocationContext context, CancellationToken cancellationToken = default)
    {
        var started = _handler ?? throw new InvalidOperationException("The server has not been started.");
        return started.InvokeAsync(payload, context, cancellationToken);
    }

    /// <summary>Stops asking for events and waits for the invocation in progress to finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Registered both as itself and as IServer, so the container disposes it twice.
    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stopping.Cancel();
        _client?.Dispose();
        _stopping.Dispose();
    }

    private async Task RunLoopAsync(LambdaRuntimeLoop runtimeLoop)
    {
        try
        {
            await runtimeLoop.RunAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The Runtime API said the container is unusable (or vanished): end the process with a failure code.
            HostingLog.LoopFailed(_logger, exception);
            Environment.ExitCode = 1;
            _lifetime?.StopApplication();
        }
    }
}
