using System.Globalization;

namespace Tenancy.Local.Functions;

/// <summary>
/// One invocation as Lambda reports it: the result, the request id, the function's log lines written meanwhile, and
/// the figures of the <c>REPORT</c> line (init only on a cold start; max memory is the environment's peak RSS).
/// </summary>
public sealed record LocalInvocationReport(
    string LogicalId,
    string RequestId,
    LocalInvocationResult Result,
    IReadOnlyList<string> Logs,
    TimeSpan? InitDuration,
    TimeSpan Duration,
    int MemorySizeMb,
    long MaxMemoryUsedMb)
{
    /// <summary>Lambda's <c>REPORT</c> line (tab separated, as in CloudWatch Logs).</summary>
    public string ReportLine
    {
        get
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"REPORT RequestId: {RequestId}\tDuration: {Duration.TotalMilliseconds:0.00} ms\tBilled Duration: {Math.Ceiling(Duration.TotalMilliseconds + (InitDuration?.TotalMilliseconds ?? 0)):0} ms\tMemory Size: {MemorySizeMb} MB\tMax Memory Used: {MaxMemoryUsedMb} MB");
            return InitDuration is { } init
                ? string.Create(CultureInfo.InvariantCulture, $"{line}\tInit Duration: {init.TotalMilliseconds:0.00} ms")
                : line;
        }
    }
}
