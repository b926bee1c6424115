using Tenancy.Lambda;

namespace Tenancy.Observability;

/// <summary>
/// Decides which invocation is the cold start of this execution environment: the first invocation the process sees.
/// Logging (<c>cold_start</c>) and metrics (the <c>ColdStart</c> metric) share one tracker so they always agree.
/// </summary>
public sealed class ColdStartTracker
{
    private string? _firstRequestId;
    private int _metricClaimed;

    /// <summary>The process-wide tracker.</summary>
    public static ColdStartTracker Shared { get; } = new();

    /// <summary>True when <paramref name="invocation"/> is the first invocation handled by this process.</summary>
    public bool IsColdStart(LambdaInvocationContext invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var first = Volatile.Read(ref _firstRequestId)
            ?? Interlocked.CompareExchange(ref _firstRequestId, invocation.AwsRequestId, null)
            ?? invocation.AwsRequestId;
        return string.Equals(first, invocation.AwsRequestId, StringComparison.Ordinal);
    }

    /// <summary>
    /// True exactly once per process, and only during the cold-start invocation: whoever gets true emits the
    /// <c>ColdStart</c> metric, so two metrics instances in the first invocation cannot both emit it.
    /// </summary>
    internal bool TryClaimColdStartMetric(LambdaInvocationContext invocation) =>
        IsColdStart(invocation) && Interlocked.Exchange(ref _metricClaimed, 1) == 0;
}
