namespace Tenancy.Observability;

/// <summary>The environment variables Powertools users already set; Tenancy.Observability honours the same names.</summary>
public static class EnvironmentVariableNames
{
    public const string ServiceName = "POWERTOOLS_SERVICE_NAME";
    public const string PowertoolsLogLevel = "POWERTOOLS_LOG_LEVEL";
    public const string LambdaLogLevel = "AWS_LAMBDA_LOG_LEVEL";
    public const string LoggerSampleRate = "POWERTOOLS_LOGGER_SAMPLE_RATE";
    public const string LoggerLogEvent = "POWERTOOLS_LOGGER_LOG_EVENT";
    public const string MetricsNamespace = "POWERTOOLS_METRICS_NAMESPACE";
    public const string MetricsDisabled = "POWERTOOLS_METRICS_DISABLED";
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    public const string TraceId = "_X_AMZN_TRACE_ID";

    /// <summary>The service name Powertools reports when none is configured.</summary>
    public const string UndefinedService = "service_undefined";

    internal static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
