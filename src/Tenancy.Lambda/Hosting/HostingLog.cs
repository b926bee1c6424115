using Microsoft.Extensions.Logging;

namespace Tenancy.Lambda.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(101, LogLevel.Error, "Unhandled exception while processing {Method} {Path}; answered {Status}")]
    public static partial void UnhandledException(ILogger logger, string method, string path, int status, Exception exception);

    [LoggerMessage(102, LogLevel.Error, "An OnCompleted callback failed")]
    public static partial void OnCompletedFailed(ILogger logger, Exception exception);

    [LoggerMessage(103, LogLevel.Critical, "The Lambda invocation loop stopped with an error; the application stops")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(104, LogLevel.Information, "Serving {EventSource} events from the Lambda Runtime API at {Address}")]
    public static partial void Serving(ILogger logger, LambdaEventSource eventSource, string address);
}
