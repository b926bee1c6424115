namespace Tenancy.Observability.Metrics;

/// <summary>
/// Settings of <see cref="EmfMetrics"/>. Anything left null comes from the Powertools environment variables.
/// </summary>
public sealed class EmfMetricsOptions
{
    /// <summary>The CloudWatch namespace (required before a flush). Null: <c>POWERTOOLS_METRICS_NAMESPACE</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// The service; unless it is <c>service_undefined</c> it becomes the default dimension <c>Service</c>, as in
    /// Powertools. Null: <c>POWERTOOLS_SERVICE_NAME</c>.
    /// </summary>
    public string? Service { get; set; }

    /// <summary>Dimensions added to every document, after <c>Service</c>.</summary>
    public IDictionary<string, string> DefaultDimensions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Emit the <c>ColdStart</c> metric (Count 1, dimensions: defaults + <c>FunctionName</c>, in its own document)
    /// when the invocation helpers or middleware run the cold-start invocation. Default false, as in Powertools.
    /// </summary>
    public bool CaptureColdStart { get; set; }

    /// <summary>The <c>FunctionName</c> dimension of the cold-start metric. Null: the invocation context, then <c>AWS_LAMBDA_FUNCTION_NAME</c>.</summary>
    public string? FunctionName { get; set; }

    /// <summary>Add the tier of the current tenant scope as the dimension <c>tier</c>. Default true (bounded cardinality).</summary>
    public bool TenantTierDimension { get; set; } = true;

    /// <summary>
    /// Add the tenant id as the dimension <c>tenant_id</c>. Default false: every tenant would create new metrics, so
    /// the id is written as metadata (searchable in Logs Insights, no metric cost) unless this is switched on.
    /// </summary>
    public bool TenantIdDimension { get; set; }

    /// <summary>Throw from <see cref="EmfMetrics.Flush"/> when nothing was recorded. Default false.</summary>
    public bool RaiseOnEmptyMetrics { get; set; }

    /// <summary>Validate but write nothing. Null: <c>POWERTOOLS_METRICS_DISABLED</c>.</summary>
    public bool? Disabled { get; set; }

    /// <summary>Where documents go. Null (the default): the process's stdout stream, one write per document.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>The clock of <c>_aws.Timestamp</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the Powertools environment variables are read from.</summary>
    public IEnvironmentReader Environment { get; set; } = ProcessEnvironmentReader.Instance;

    /// <summary>Decides the cold-start invocation; shared with logging by default.</summary>
    public ColdStartTracker ColdStart { get; set; } = ColdStartTracker.Shared;

    /// <summary>Replaces <see cref="Output"/> with a raw line sink (benchmarks measure without a TextWriter).</summary>
    internal LineOutput? LineOutputOverride { get; set; }
}
