namespace Tenancy.Observability;

/// <summary>The environment variables Powertools users already set; Tenancy.Observability honours the same names.</summary>
public static class EnvironmentVariableNames
{
    /// <summary>The service name written on every log line and as the <c>Service</c> dimension.</summary>
    public const string ServiceName = "POWERTOOLS_SERVICE_NAME";
    /// <summary>The minimum log level, overriding the one configured in code.</summary>
    public const string PowertoolsLogLevel = "POWERTOOLS_LOG_LEVEL";
    /// <summary>The level set by Lambda advanced logging controls; it wins, since Lambda drops lower lines anyway.</summary>
    public const string LambdaLogLevel = "AWS_LAMBDA_LOG_LEVEL";
    /// <summary>The share of invocations (0 to 1) logged at debug level whatever the minimum level.</summary>
    public const string LoggerSampleRate = "POWERTOOLS_LOGGER_SAMPLE_RATE";
    /// <summary>Whether the incoming event is logged.</summary>
    public const string LoggerLogEvent = "POWERTOOLS_LOGGER_LOG_EVENT";
    /// <summary>The CloudWatch namespace metrics are published in.</summary>
    public const string MetricsNamespace = "POWERTOOLS_METRICS_NAMESPACE";
    /// <summary>Turns metric output off, for example in local runs.</summary>
    public const string MetricsDisabled = "POWERTOOLS_METRICS_DISABLED";
    /// <summary>The function name Lambda sets, used as the <c>FunctionName</c> dimension.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    /// <summary>The X-Ray trace header of the current invocation, which log lines carry.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";

    /// <summary>The service name Powertools reports when none is configured.</summary>
    public const string UndefinedService = "service_undefined";

    internal static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
