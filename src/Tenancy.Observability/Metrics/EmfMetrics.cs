using System.Globalization;
using Tenancy.Isolation;
using Tenancy.Lambda;

namespace Tenancy.Observability.Metrics;

/// <summary>
/// CloudWatch Embedded Metric Format metrics for one invocation, like Powertools' <c>Metrics</c>: add metrics,
/// dimensions and metadata, then <see cref="Flush"/> (or let <see cref="EmfMetricsInvocationExtensions"/> or the
/// middleware flush at the end of the invocation). Thread-safe. Invalid input fails with
/// <see cref="EmfValidationException"/> at the call that supplies it; an invalid document is never written.
/// When a tenant scope is active (<see cref="AmbientTenant"/>), its tier becomes the <c>tier</c> dimension and its id
/// the <c>tenant_id</c> metadata member (or dimension, when configured).
/// </summary>
public sealed class EmfMetrics
{
    /// <summary>The dimension holding the service name.</summary>
    public const string ServiceDimension = "Service";
    /// <summary>The dimension holding the function name, added to the cold-start metric.</summary>
    public const string FunctionNameDimension = "FunctionName";
    /// <summary>The dimension holding the active tenant's tier.</summary>
    public const string TierDimension = "tier";
    /// <summary>The metadata member (or dimension, when configured) holding the active tenant's id.</summary>
    public const string TenantIdMember = "tenant_id";
    /// <summary>The metric counting cold starts.</summary>
    public const string ColdStartMetric = "ColdStart";

    private readonly EmfMetricsConfiguration _configuration;
    private readonly Lock _gate = new();
    private readonly List<MetricBucket> _metrics = [];
    private readonly Dictionary<string, MetricBucket> _metricsByName = new(StringComparer.Ordinal);
    private readonly DimensionSet _defaultDimensions = new();
    private readonly DimensionSet _dimensions = new();
    private readonly List<KeyValuePair<string, object?>> _metadata = [];
    private string? _namespace;
    private string? _service;
    private TenantScope? _tenant;

    /// <summary>A metrics buffer configured by <paramref name="options"/> and the environment.</summary>
    public EmfMetrics(EmfMetricsOptions options)
        : this(new EmfMetricsConfiguration(options))
    {
    }

    internal EmfMetrics(EmfMetricsConfiguration configuration)
    {
        _configuration = configuration;
        _namespace = configuration.Namespace;
        _service = configuration.Service;
        _defaultDimensions.SetAll(configuration.DefaultDimensions);
    }

    /// <summary>The CloudWatch namespace documents are written to.</summary>
    public string? Namespace
    {
        get
        {
            lock (_gate)
            {
                return _namespace;
            }
        }
    }

    /// <summary>True when <c>POWERTOOLS_METRICS_DISABLED</c> or the options switched output off.</summary>
    public bool IsDisabled => _configuration.Disabled;

    /// <summary>True when metrics are waiting for <see cref="Flush"/>.</summary>
    public bool HasMetrics
    {
        get
        {
            lock (_gate)
            {
                return _metrics.Count > 0;
            }
        }
    }

    /// <summary>How many flushes at the end of a failed invocation failed themselves (their error was not thrown).</summary>
    public long SuppressedFlushFailures { get; private set; }

    /// <summary>Sets the namespace of the following documents.</summary>
    public void SetNamespace(string metricNamespace)
    {
        EmfRules.Namespace(metricNamespace);
        lock (_gate)
        {
            _namespace = metricNamespace;
        }
    }

    /// <summary>Sets the service, which becomes the <c>Service</c> dimension (unless it is <c>service_undefined</c>).</summary>
    public void SetService(string service)
    {
        EmfRules.DimensionValue(ServiceDimension, service);
        lock (_gate)
        {
            _service = service;
        }
    }

    /// <summary>Adds or replaces dimensions kept across flushes.</summary>
    public void SetDefaultDimensions(IEnumerable<KeyValuePair<string, string>> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var pairs = dimensions.ToArray();
        foreach (var pair in pairs)
        {
            EmfRules.DimensionName(pair.Key);
            EmfRules.DimensionValue(pair.Key, pair.Value);
        }

        lock (_gate)
        {
            var probe = new DimensionSet();
            probe.SetAll(BaseDimensions().Pairs);
            probe.SetAll(_dimensions.Pairs);
            probe.SetAll(pairs);
            RequireDimensionLimit(probe.Count);
            _defaultDimensions.SetAll(pairs);
        }
    }

    /// <summary>Removes every default dimension (the <c>Service</c> dimension stays while a service is set).</summary>
    public void ClearDefaultDimensions()
    {
        lock (_gate)
        {
            _defaultDimensions.Clear();
        }
    }

    /// <summary>
    /// Records <paramref name="value"/> for metric <paramref name="name"/>. Repeated values of one name become an
    /// array; one name keeps one unit and one resolution until the next flush.
    /// </summary>
    public void AddMetric(string name, double value, MetricUnit unit = MetricUnit.None, MetricResolution resolution = MetricResolution.Default)
    {
        EmfRules.MetricName(name);
        EmfRules.MetricValue(name, value);
        EmfRules.Unit(name, unit);
        EmfRules.Resolution(name, resolution);
        lock (_gate)
        {
            ObserveTenant();
            if (_metricsByName.TryGetValue(name, out var bucket))
            {
                if (bucket.Unit != unit)
                {
                    throw new EmfValidationException(
                        $"Metric '{name}' was recorded with unit {MetricUnitNames.ToEmfName(bucket.Unit)} and now with {MetricUnitNames.ToEmfName(unit)}; one metric has one unit per document.",
                        nameof(unit));
                }

                if (bucket.Resolution != resolution)
                {
                    throw new EmfValidationException(
                        string.Create(CultureInfo.InvariantCulture, $"Metric '{name}' was recorded with StorageResolution {(int)bucket.Resolution} and now with {(int)resolution}; the same metric cannot have two storage resolutions in one document."),
                        nameof(resolution));
                }
            }
            else
            {
                if (IsDimensionName(name))
                {
                    throw new EmfValidationException($"Metric '{name}' has the name of a dimension; both would be the root member '{name}'.", nameof(name));
                }

                bucket = new MetricBucket(name, unit, resolution);
                _metricsByName.Add(name, bucket);
                _metrics.Add(bucket);
            }

            bucket.Values.Add(value);
        }
    }

    /// <summary>Adds a dimension to the documents of this flush (cleared by <see cref="Flush"/>).</summary>
    public void AddDimension(string key, string value)
    {
        EmfRules.DimensionName(key);
        EmfRules.DimensionValue(key, value);
        lock (_gate)
        {
            ObserveTenant();
            if (_metricsByName.ContainsKey(key))
            {
                throw new EmfValidationException($"Dimension '{key}' has the name of a metric; both would be the root member '{key}'.", nameof(key));
            }

            if (!IsDimensionName(key))
            {
                RequireDimensionLimit(BaseDimensions().Count + _dimensions.Count + 1);
            }

            _dimensions.Set(key, value);
        }
    }

    /// <summary>
    /// Adds a root member that is not a dimension (searchable in CloudWatch Logs Insights, no metric cost).
    /// A key equal to a metric or dimension name is left out of the document.
    /// </summary>
    public void AddMetadata(string key, object? value)
    {
        EmfRules.MetadataKey(key);
        lock (_gate)
        {
            ObserveTenant();
            _metadata.RemoveAll(pair => string.Equals(pair.Key, key, StringComparison.Ordinal));
            _metadata.Add(new KeyValuePair<string, object?>(key, value));
        }
    }

    /// <summary>
    /// Writes the <c>ColdStart</c> metric in its own document when the current invocation is this process's cold
    /// start and no one has written it yet. Returns whether it was written.
    /// </summary>
    public bool CaptureColdStartMetric()
    {
        var invocation = LambdaInvocationContext.Current;
        if (invocation is null || _configuration.Disabled || !_configuration.ColdStart.TryClaimColdStartMetric(invocation))
        {
            return false;
        }

        var functionName = _configuration.FunctionName
            ?? NonEmpty(invocation.Function.FunctionName)
            ?? NonEmpty(_configuration.Environment.Get(EnvironmentVariableNames.FunctionName));
        List<byte[]> documents;
        lock (_gate)
        {
            var dimensions = BaseDimensions();
            if (functionName is not null)
            {
                EmfRules.DimensionValue(FunctionNameDimension, functionName);
                dimensions.Set(FunctionNameDimension, functionName);
            }

            var metricNamespace = _namespace;
            EmfRules.Namespace(metricNamespace);
            var coldStart = new MetricBucket(ColdStartMetric, MetricUnit.Count, MetricResolution.Default);
            coldStart.Values.Add(1);
            documents = EmfDocumentWriter.Build(metricNamespace!, Timestamp(), dimensions.Pairs, [coldStart], []);
        }

        Write(documents);
        return true;
    }

    /// <summary>
    /// Writes everything recorded as EMF documents (split at 100 metrics and 100 values), then clears metrics,
    /// dimensions and metadata; namespace, service and default dimensions stay.
    /// </summary>
    /// <exception cref="EmfValidationException">No namespace, too many dimensions, a name clash, or nothing to
    /// publish while <see cref="EmfMetricsOptions.RaiseOnEmptyMetrics"/> is set. The buffer is cleared anyway.</exception>
    public void Flush()
    {
        List<byte[]>? documents = null;
        lock (_gate)
        {
            try
            {
                ObserveTenant();
                if (_metrics.Count == 0)
                {
                    if (_configuration.RaiseOnEmptyMetrics)
                    {
                        throw new EmfValidationException("No metrics were recorded, and RaiseOnEmptyMetrics is set.");
                    }

                    return;
                }

                if (_configuration.Disabled)
                {
                    return;
                }

                var metricNamespace = _namespace;
                EmfRules.Namespace(metricNamespace);
                var dimensions = DocumentDimensions();
                RequireDimensionLimit(dimensions.Count);
                foreach (var dimension in dimensions.Pairs)
                {
                    if (_metricsByName.ContainsKey(dimension.Key))
                    {
                        throw new EmfValidationException($"Metric '{dimension.Key}' has the name of a dimension; both would be the root member '{dimension.Key}'.");
                    }
                }

                documents = EmfDocumentWriter.Build(metricNamespace!, Timestamp(), dimensions.Pairs, _metrics, DocumentMetadata());
            }
            finally
            {
                ClearInvocationState();
            }
        }

        Write(documents);
    }

    /// <summary>Flush at the end of an invocation that already failed: the invocation's error is the one that matters.</summary>
    internal void FlushSuppressingErrors()
    {
        try
        {
            Flush();
        }
        catch (Exception)
        {
            lock (_gate)
            {
                SuppressedFlushFailures++;
            }
        }
    }

    internal bool CaptureColdStartAutomatically => _configuration.CaptureColdStart;

    private void Write(List<byte[]>? documents)
    {
        if (documents is null)
        {
            return;
        }

        foreach (var document in documents)
        {
            _configuration.Output.WriteLine(document);
        }
    }

    private void ObserveTenant() => _tenant ??= AmbientTenant.Current;

    private DimensionSet BaseDimensions()
    {
        var set = new DimensionSet();
        if (_service is not null and not EnvironmentVariableNames.UndefinedService)
        {
            set.Set(ServiceDimension, _service);
        }

        set.SetAll(_defaultDimensions.Pairs);
        return set;
    }

    private DimensionSet DocumentDimensions()
    {
        var set = BaseDimensions();
        if (_tenant is not null)
        {
            if (_configuration.TenantTierDimension)
            {
                set.Set(TierDimension, TenantTierNames.ToName(_tenant.Tier));
            }

            if (_configuration.TenantIdDimension)
            {
                set.Set(TenantIdMember, _tenant.TenantId.Value);
            }
        }

        set.SetAll(_dimensions.Pairs);
        return set;
    }

    private List<KeyValuePair<string, object?>> DocumentMetadata()
    {
        var metadata = new List<KeyValuePair<string, object?>>(_metadata);
        if (_tenant is not null && !_configuration.TenantIdDimension)
        {
            metadata.Add(new KeyValuePair<string, object?>(TenantIdMember, _tenant.TenantId.Value));
        }

        return metadata;
    }

    private bool IsDimensionName(string name) =>
        _dimensions.Contains(name)
        || _defaultDimensions.Contains(name)
        || (name == ServiceDimension && _service is not null && _service != EnvironmentVariableNames.UndefinedService);

    private static void RequireDimensionLimit(int count)
    {
        if (count > EmfLimits.MaxDimensionsPerSet)
        {
            throw new EmfValidationException(string.Create(
                CultureInfo.InvariantCulture,
                $"A dimension set would have {count} dimensions (Service, default, tenant and added ones together); EMF allows at most {EmfLimits.MaxDimensionsPerSet}."));
        }
    }

    private void ClearInvocationState()
    {
        _metrics.Clear();
        _metricsByName.Clear();
        _dimensions.Clear();
        _metadata.Clear();
        _tenant = null;
    }

    private long Timestamp() => _configuration.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
