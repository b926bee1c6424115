namespace Tenancy.Observability.Metrics;

/// <summary>The metrics configuration after options and environment are combined; resolved once, shared by every buffer.</summary>
internal sealed class EmfMetricsConfiguration
{
    public EmfMetricsConfiguration(EmfMetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = options.Environment ?? ProcessEnvironmentReader.Instance;
        Namespace = NonEmpty(options.Namespace) ?? NonEmpty(environment.Get(EnvironmentVariableNames.MetricsNamespace));
        Service = NonEmpty(options.Service) ?? NonEmpty(environment.Get(EnvironmentVariableNames.ServiceName));
        // Fail at startup, with the rule, rather than at the first flush of the first invocation.
        if (Namespace is not null)
        {
            EmfRules.Namespace(Namespace);
        }

        if (Service is not null and not EnvironmentVariableNames.UndefinedService)
        {
            EmfRules.DimensionValue(EmfMetrics.ServiceDimension, Service);
        }

        DefaultDimensions = options.DefaultDimensions.ToArray();
        foreach (var dimension in DefaultDimensions)
        {
            EmfRules.DimensionName(dimension.Key);
            EmfRules.DimensionValue(dimension.Key, dimension.Value);
        }

        CaptureColdStart = options.CaptureColdStart;
        FunctionName = NonEmpty(options.FunctionName);
        TenantTierDimension = options.TenantTierDimension;
        TenantIdDimension = options.TenantIdDimension;
        RaiseOnEmptyMetrics = options.RaiseOnEmptyMetrics;
        Disabled = options.Disabled ?? EnvironmentVariableNames.IsTrue(environment.Get(EnvironmentVariableNames.MetricsDisabled));
        Output = options.LineOutputOverride ?? LineOutput.For(options.Output);
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        Environment = environment;
        ColdStart = options.ColdStart ?? ColdStartTracker.Shared;
    }

    public string? Namespace { get; }

    public string? Service { get; }

    public IReadOnlyList<KeyValuePair<string, string>> DefaultDimensions { get; }

    public bool CaptureColdStart { get; }

    public string? FunctionName { get; }

    public bool TenantTierDimension { get; }

    public bool TenantIdDimension { get; }

    public bool RaiseOnEmptyMetrics { get; }

    public bool Disabled { get; }

    public LineOutput Output { get; }

    public TimeProvider TimeProvider { get; }

    public IEnvironmentReader Environment { get; }

    public ColdStartTracker ColdStart { get; }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
