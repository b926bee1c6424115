using System.Collections.Concurrent;

namespace Tenancy.Local.Functions;

/// <summary>
/// The execution environments of one function: warm ones are reused (most recently used first, as Lambda tends to),
/// at most <c>maxConcurrency</c> run at once, and a dead or timed-out environment is replaced by a cold start.
/// </summary>
internal sealed class FunctionEnvironmentPool(
    TemplateFunction function,
    Func<CancellationToken, Task<string>> bootstrap,
    IReadOnlyDictionary<string, string> environment,
    int maxConcurrency,
    Action<string, string>? logSink) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);
    private readonly ConcurrentStack<FunctionEnvironment> _warm = new();
    private readonly ConcurrentDictionary<FunctionEnvironment, byte> _all = new();

    public TemplateFunction Function => function;

    public int WarmCount => _warm.Count;

    public async Task<LocalInvocationReport> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        FunctionEnvironment? environmentInUse = null;
        try
        {
            if (!_warm.TryPop(out environmentInUse))
            {
                var bootstrapPath = await bootstrap(cancellationToken).ConfigureAwait(false);
                var (started, initFailure) = await FunctionEnvironment.StartAsync(function, bootstrapPath, environment, logSink, cancellationToken).ConfigureAwait(false);
                _all[started] = 0;
                environmentInUse = started;
                if (initFailure is not null)
                {
                    return new LocalInvocationReport(function.LogicalId, Guid.NewGuid().ToString(), initFailure, await started.InitLogsAsync().ConfigureAwait(false), null, TimeSpan.Zero, function.MemorySizeMb, 0);
                }
            }

            return await environmentInUse.InvokeAsync(payload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (environmentInUse is not null)
            {
                if (environmentInUse.IsUsable)
                {
                    _warm.Push(environmentInUse);
                }
                else
                {
                    _all.TryRemove(environmentInUse, out _);
                    await environmentInUse.DisposeAsync().ConfigureAwait(false);
                }
            }

            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_all.Keys.Select(e => e.DisposeAsync().AsTask())).ConfigureAwait(false);
        _all.Clear();
        _warm.Clear();
        _slots.Dispose();
    }
}
