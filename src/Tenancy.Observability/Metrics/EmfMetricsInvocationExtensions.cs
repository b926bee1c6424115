namespace Tenancy.Observability.Metrics;

/// <summary>
/// Runs one invocation with metrics flushed at its end, like Powertools' <c>[Metrics]</c> attribute: the cold-start
/// metric first (when configured), the handler, then <see cref="EmfMetrics.Flush"/>, also when the handler fails.
/// </summary>
public static class EmfMetricsInvocationExtensions
{
    /// <summary>Runs <paramref name="invocation"/> and flushes <paramref name="metrics"/> afterwards.</summary>
    public static async Task RunInvocationAsync(this EmfMetrics metrics, Func<Task> invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        await metrics.RunInvocationAsync(async () =>
        {
            await invocation().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="invocation"/> and flushes <paramref name="metrics"/> afterwards.</summary>
    public static async Task<T> RunInvocationAsync<T>(this EmfMetrics metrics, Func<Task<T>> invocation)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(invocation);
        if (metrics.CaptureColdStartAutomatically)
        {
            metrics.CaptureColdStartMetric();
        }

        T result;
        try
        {
            result = await invocation().ConfigureAwait(false);
        }
        catch
        {
            metrics.FlushSuppressingErrors();
            throw;
        }

        metrics.Flush();
        return result;
    }
}
