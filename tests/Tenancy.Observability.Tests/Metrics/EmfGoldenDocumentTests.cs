using Tenancy.Isolation;
using Tenancy.Observability.Metrics;
using Tenancy.Observability.Tests.Support;
using Tenancy.Testing.Fakes;

namespace Tenancy.Observability.Tests.Metrics;

public sealed class EmfGoldenDocumentTests : IDisposable
{
    public void Dispose() => Invocation.End();

    [Fact]
    public async Task A_flush_writes_one_powertools_shaped_document_with_service_default_and_tier_dimensions()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(
            output,
            o => o.DefaultDimensions["Environment"] = "prod",
            Env.Of((EnvironmentVariableNames.ServiceName, "orders")));
        using var tenant = AmbientTenant.Enter(await TestTenantScopes.CreateAsync("acme", TenantTier.Premium));

        metrics.AddMetric("OrdersPlaced", 1, MetricUnit.Count);
        metrics.AddMetric("OrdersPlaced", 2, MetricUnit.Count);
        metrics.AddMetric("Latency", 12.5, MetricUnit.Milliseconds, MetricResolution.High);
        metrics.AddMetric("PayloadSize", 2048, MetricUnit.Bytes, MetricResolution.Standard);
        metrics.AddDimension("Channel", "web");
        metrics.AddMetadata("BookingId", Guid.Parse("683eeb2d-b2f4-4e1a-a0e6-5e0b2e7f1c11"));
        metrics.Flush();

        var line = Assert.Single(TestMetrics.ValidLines(output));
        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{TestMetrics.TimestampMs}},"CloudWatchMetrics":[{"Namespace":"Tenancy","Dimensions":[["Service","Environment","tier","Channel"]],"Metrics":[{"Name":"OrdersPlaced","Unit":"Count"},{"Name":"Latency","Unit":"Milliseconds","StorageResolution":1},{"Name":"PayloadSize","Unit":"Bytes","StorageResolution":60}]}]},"Service":"orders","Environment":"prod","tier":"Premium","Channel":"web","OrdersPlaced":[1,2],"Latency":12.5,"PayloadSize":2048,"BookingId":"683eeb2d-b2f4-4e1a-a0e6-5e0b2e7f1c11","tenant_id":"acme"}""",
            line);
        Assert.Equal(1795815015123, TestMetrics.TimestampMs);
    }

    [Fact]
    public async Task The_tenant_id_is_a_dimension_only_when_configured()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output, o =>
        {
            o.TenantIdDimension = true;
            o.TenantTierDimension = false;
        });
        using var tenant = AmbientTenant.Enter(await TestTenantScopes.CreateAsync("globex", TenantTier.Basic));

        metrics.AddMetric("ItemsRead", 3, MetricUnit.Count);
        metrics.Flush();

        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{TestMetrics.TimestampMs}},"CloudWatchMetrics":[{"Namespace":"Tenancy","Dimensions":[["tenant_id"]],"Metrics":[{"Name":"ItemsRead","Unit":"Count"}]}]},"tenant_id":"globex","ItemsRead":3}""",
            Assert.Single(TestMetrics.ValidLines(output)));
    }

    [Fact]
    public void Without_service_or_dimensions_the_dimension_set_is_empty_and_still_valid()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output);

        metrics.AddMetric("Jobs", 1);
        metrics.Flush();

        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{TestMetrics.TimestampMs}},"CloudWatchMetrics":[{"Namespace":"Tenancy","Dimensions":[[]],"Metrics":[{"Name":"Jobs","Unit":"None"}]}]},"Jobs":1}""",
            Assert.Single(TestMetrics.ValidLines(output)));
    }

    [Fact]
    public void The_cold_start_metric_is_its_own_document_with_function_name_and_service_and_is_written_once()
    {
        var output = new CapturedOutput();
        var tracker = new ColdStartTracker();
        var options = TestMetrics.Options(output, Env.Of((EnvironmentVariableNames.ServiceName, "orders")));
        options.ColdStart = tracker;
        options.DefaultDimensions["Environment"] = "prod";
        var first = new EmfMetrics(options);
        var second = new EmfMetrics(options);

        Invocation.Begin("cold");
        Assert.True(first.CaptureColdStartMetric());
        Assert.False(second.CaptureColdStartMetric());
        Invocation.Begin("warm");
        Assert.False(first.CaptureColdStartMetric());

        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{TestMetrics.TimestampMs}},"CloudWatchMetrics":[{"Namespace":"Tenancy","Dimensions":[["Service","Environment","FunctionName"]],"Metrics":[{"Name":"ColdStart","Unit":"Count"}]}]},"Service":"orders","Environment":"prod","FunctionName":"tenancy-api","ColdStart":1}""",
            Assert.Single(TestMetrics.ValidLines(output)));
    }

    [Fact]
    public void Flush_keeps_namespace_service_and_default_dimensions_but_clears_the_rest()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output, o => o.Service = "orders");

        metrics.AddMetric("A", 1);
        metrics.AddDimension("Channel", "web");
        metrics.AddMetadata("note", "first");
        metrics.Flush();
        metrics.AddMetric("B", 2);
        metrics.Flush();
        metrics.Flush();

        var lines = TestMetrics.ValidLines(output);
        Assert.Equal(2, lines.Count);
        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{TestMetrics.TimestampMs}},"CloudWatchMetrics":[{"Namespace":"Tenancy","Dimensions":[["Service"]],"Metrics":[{"Name":"B","Unit":"None"}]}]},"Service":"orders","B":2}""",
            lines[1]);
        Assert.False(metrics.HasMetrics);
    }

    [Fact]
    public void Metadata_never_overwrites_a_metric_or_dimension_member()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output);

        metrics.AddMetric("Orders", 1, MetricUnit.Count);
        metrics.AddDimension("Channel", "web");
        metrics.AddMetadata("Orders", "not a number");
        metrics.AddMetadata("Channel", 5);
        metrics.Flush();

        var line = Assert.Single(TestMetrics.ValidLines(output));
        Assert.EndsWith("\"Channel\":\"web\",\"Orders\":1}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_metrics_validate_but_write_nothing()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output, environment: Env.Of((EnvironmentVariableNames.MetricsDisabled, "true")));
        Invocation.Begin("cold-disabled");

        metrics.AddMetric("Orders", 1);
        Assert.False(metrics.CaptureColdStartMetric());
        metrics.Flush();

        Assert.True(metrics.IsDisabled);
        Assert.Empty(output.Lines);
        Assert.Throws<EmfValidationException>(() => metrics.AddMetric("", 1));
    }

    [Fact]
    public void The_namespace_comes_from_the_environment_when_options_leave_it_out()
    {
        var output = new CapturedOutput();
        var options = TestMetrics.Options(output, Env.Of((EnvironmentVariableNames.MetricsNamespace, "FromEnv")), metricNamespace: null);
        var metrics = new EmfMetrics(options);

        metrics.AddMetric("Orders", 1);
        metrics.Flush();

        Assert.Contains("\"Namespace\":\"FromEnv\"", Assert.Single(TestMetrics.ValidLines(output)), StringComparison.Ordinal);
    }
}
