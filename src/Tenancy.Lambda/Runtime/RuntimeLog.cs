using Microsoft.Extensions.Logging;

namespace Tenancy.Lambda.Runtime;

/// <summary>The runtime's log lines, source-generated so they cost nothing when the level is off.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Error, "Invocation {RequestId} failed: {ErrorType}")]
    public static partial void InvocationFailed(ILogger logger, string requestId, string errorType, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Invocation {RequestId} had already timed out (410 Gone); its {Kind} was discarded")]
    public static partial void InvocationGone(ILogger logger, string requestId, string kind);

    [LoggerMessage(3, LogLevel.Error, "Invocation {RequestId}: the Runtime API refused the {Kind} as too large (413)")]
    public static partial void PayloadTooLarge(ILogger logger, string requestId, string kind);

    [LoggerMessage(4, LogLevel.Error, "Invocation {RequestId}: the Runtime API rejected the {Kind}")]
    public static partial void Rejected(ILogger logger, string requestId, string kind);

    [LoggerMessage(5, LogLevel.Error, "Invocation {RequestId}: the response of {Size} bytes is over the {Limit}-byte limit")]
    public static partial void ResponseTooLarge(ILogger logger, string requestId, int size, int limit);

    [LoggerMessage(6, LogLevel.Error, "Invocation {RequestId}: work after the response failed")]
    public static partial void AfterResponseFailed(ILogger logger, string requestId, Exception exception);

    [LoggerMessage(7, LogLevel.Critical, "Initialisation failed; reported to the Runtime API's init/error endpoint")]
    public static partial void InitFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Shutdown requested; the invocation loop stops")]
    public static partial void Stopping(ILogger logger);
}
