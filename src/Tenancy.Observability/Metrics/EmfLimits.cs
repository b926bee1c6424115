namespace Tenancy.Observability.Metrics;

/// <summary>The limits of the CloudWatch Embedded Metric Format specification and the CloudWatch API.</summary>
public static class EmfLimits
{
    /// <summary>A MetricDirective's <c>Metrics</c> array holds at most this many definitions.</summary>
    public const int MaxMetricsPerDocument = 100;

    /// <summary>A metric target member holds at most this many values.</summary>
    public const int MaxValuesPerMetric = 100;

    /// <summary>A DimensionSet holds at most this many dimension keys.</summary>
    public const int MaxDimensionsPerSet = 30;

    /// <summary>Namespace and metric names: 1 to 255 characters (EMF JSON schema).</summary>
    public const int MaxNameLength = 255;

    /// <summary>Dimension names: 1 to 255 ASCII characters (CloudWatch <c>Dimension.Name</c>).</summary>
    public const int MaxDimensionNameLength = 255;

    /// <summary>Dimension values: 1 to 1024 ASCII characters (CloudWatch <c>Dimension.Value</c>).</summary>
    public const int MaxDimensionValueLength = 1024;

    /// <summary>A log event (and so one EMF document) is kept at or under 256 KiB.</summary>
    public const int MaxDocumentBytes = 256 * 1024;

    /// <summary>The member of the root object reserved for EMF metadata.</summary>
    public const string MetadataMember = "_aws";
}
