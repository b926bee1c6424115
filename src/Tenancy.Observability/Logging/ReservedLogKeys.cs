using System.Collections.Frozen;

namespace Tenancy.Observability.Logging;

/// <summary>
/// The keys the logger writes itself. A template argument, scope value or appended key with one of these names is
/// ignored (Powertools does the same for level, message, name, service and timestamp), so nothing in application
/// code can forge the service, the request id or the tenant of a line.
/// </summary>
public static class ReservedLogKeys
{
    /// <summary>The log level of the line.</summary>
    public const string Level = "level";
    /// <summary>The formatted message.</summary>
    public const string Message = "message";
    /// <summary>When the line was written (UTC, ISO 8601).</summary>
    public const string Timestamp = "timestamp";
    /// <summary>The service name.</summary>
    public const string Service = "service";
    /// <summary>The logger category.</summary>
    public const string Name = "name";
    /// <summary>Whether the invocation was the execution environment's first.</summary>
    public const string ColdStart = "cold_start";
    /// <summary>The Lambda function's name.</summary>
    public const string FunctionName = "function_name";
    /// <summary>The Lambda function's version.</summary>
    public const string FunctionVersion = "function_version";
    /// <summary>The function's memory limit in MB.</summary>
    public const string FunctionMemorySize = "function_memory_size";
    /// <summary>The ARN the function was invoked with.</summary>
    public const string FunctionArn = "function_arn";
    /// <summary>The Lambda request id of the invocation.</summary>
    public const string FunctionRequestId = "function_request_id";
    /// <summary>The X-Ray trace id of the invocation.</summary>
    public const string XRayTraceId = "xray_trace_id";
    /// <summary>The id correlating the line with the caller's request.</summary>
    public const string CorrelationId = "correlation_id";
    /// <summary>The debug sampling rate in force, when sampling is configured.</summary>
    public const string SamplingRate = "sampling_rate";
    /// <summary>The tenant of the active tenant scope.</summary>
    public const string TenantId = "tenant_id";
    /// <summary>The tier of the active tenant scope.</summary>
    public const string TenantTier = "tenant_tier";
    /// <summary>The type name of the logged exception.</summary>
    public const string ExceptionName = "exception_name";
    /// <summary>The logged exception's message and stack trace.</summary>
    public const string Exception = "exception";

    /// <summary>Every reserved key.</summary>
    public static FrozenSet<string> All { get; } = new[]
    {
        Level, Message, Timestamp, Service, Name, ColdStart, FunctionName, FunctionVersion, FunctionMemorySize,
        FunctionArn, FunctionRequestId, XRayTraceId, CorrelationId, SamplingRate, TenantId, TenantTier,
        ExceptionName, Exception,
    }.ToFrozenSet(StringComparer.Ordinal);
}
