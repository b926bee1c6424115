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
    private readonly LambdaHostingOptions options;
    private readonly ILogger<LambdaServer> logger;
    private readonly IHostApplicationLifetime? lifetime;
    private readonly CancellationTokenSource stopping = new();
    private ILambdaInvocationHandler? handler;
    private RuntimeApiClient? client;
    private Task? loop;
    private bool disposed;

    public LambdaServer(IOptions<LambdaHostingOptions> options, ILogger<LambdaServer> logger, IHostApplicationLifetime? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        this.lifetime = lifetime;
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        handler = new ApiGatewayInvocationHandler<TContext>(application, options, logger);
        if (options.Runtime.RuntimeApiAddress is { } address)
        {
            client = new RuntimeApiClient(address, LambdaFunctionSettings.FromEnvironment(), options.Runtime.TimeProvider);
            var runtimeLoop = new LambdaRuntimeLoop(client, handler, options.Runtime, logger);
            HostingLog.Serving(logger, options.EventSource, address);
            loop = Task.Run(() => RunLoopAsync(runtimeLoop), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Invokes the application with one event, as the loop does; call <see cref="LambdaResponse.AfterResponseSent"/> afterwards.</summary>
    public Task<LambdaResponse> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocationContext context, CancellationToken cancellationToken = default)
    {
        var started = handler ?? throw new InvalidOperationException("The server has not been started.");
        return started.InvokeAsync(payload, context, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Registered both as itself and as IServer, so the container disposes it twice.
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        stopping.Cancel();
        client?.Dispose();
        stopping.Dispose();
    }

    private async Task RunLoopAsync(LambdaRuntimeLoop runtimeLoop)
    {
        try
        {
            await runtimeLoop.RunAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The Runtime API said the container is unusable (or vanished): end the process with a failure code.
            HostingLog.LoopFailed(logger, exception);
            Environment.ExitCode = 1;
            lifetime?.StopApplication();
        }
    }
}
