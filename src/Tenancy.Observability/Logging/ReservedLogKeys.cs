using System.Collections.Frozen;

namespace Tenancy.Observability.Logging;

/// <summary>
/// The keys the logger writes itself. A template argument, scope value or appended key with one of these names is
/// ignored (Powertools does the same for level, message, name, service and timestamp), so nothing in application
/// code can forge the service, the request id or the tenant of a line.
/// </summary>
public static class ReservedLogKeys
{
    public const string Level = "level";
    public const string Message = "message";
    public const string Timestamp = "timestamp";
    public const string Service = "service";
    public const string Name = "name";
    public const string ColdStart = "cold_start";
    public const string FunctionName = "function_name";
    public const string FunctionVersion = "function_version";
    public const string FunctionMemorySize = "function_memory_size";
    public const string FunctionArn = "function_arn";
    public const string FunctionRequestId = "function_request_id";
    public const string XRayTraceId = "xray_trace_id";
    public const string CorrelationId = "correlation_id";
    public const string SamplingRate = "sampling_rate";
    public const string TenantId = "tenant_id";
    public const string TenantTier = "tenant_tier";
    public const string ExceptionName = "exception_name";
    public const string Exception = "exception";

    /// <summary>Every reserved key.</summary>
    public static FrozenSet<string> All { get; } = new[]
    {
        Level, Message, Timestamp, Service, Name, ColdStart, FunctionName, FunctionVersion, FunctionMemorySize,
        FunctionArn, FunctionRequestId, XRayTraceId, CorrelationId, SamplingRate, TenantId, TenantTier,
        ExceptionName, Exception,
    }.ToFrozenSet(StringComparer.Ordinal);
}
