using Tenancy.Observability.Metrics;
using Tenancy.Observability.Tests.Support;

namespace Tenancy.Observability.Tests.Metrics;

public sealed class EmfValidationTests
{
    private readonly CapturedOutput _output = new();

    [Theory]
    [InlineData("", "A metric name must not be null, empty or only whitespace.")]
    [InlineData("   ", "A metric name must not be null, empty or only whitespace.")]
    [InlineData("_aws", "A metric cannot be named '_aws'")]
    [InlineData("Bad\nName", "contains the control character U+000A")]
    public void Invalid_metric_names_are_rejected_with_the_rule(string name, string expected)
    {
        var error = Assert.Throws<EmfValidationException>(() => Metrics().AddMetric(name, 1));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_name_longer_than_255_characters_is_rejected_and_255_is_accepted()
    {
        var metrics = Metrics();
        metrics.AddMetric(new string('m', 255), 1);

        var error = Assert.Throws<EmfValidationException>(() => metrics.AddMetric(new string('m', 256), 1));

        Assert.Contains("is 256 characters long; EMF allows at most 255", error.Message, StringComparison.Ordinal);
        metrics.Flush();
        Assert.Single(TestMetrics.ValidLines(_output));
    }

    [Theory]
    [InlineData(double.NaN, "must be finite")]
    [InlineData(double.PositiveInfinity, "must be finite")]
    [InlineData(1e200, "CloudWatch accepts 0 or magnitudes")]
    [InlineData(1e-200, "CloudWatch accepts 0 or magnitudes")]
    public void Values_cloudwatch_cannot_store_are_rejected(double value, string expected)
    {
        var error = Assert.Throws<EmfValidationException>(() => Metrics().AddMetric("Latency", value));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public void Undefined_units_and_resolutions_are_rejected()
    {
        var metrics = Metrics();

        var unit = Assert.Throws<EmfValidationException>(() => metrics.AddMetric("A", 1, (MetricUnit)999));
        var resolution = Assert.Throws<EmfValidationException>(() => metrics.AddMetric("A", 1, MetricUnit.Count, (MetricResolution)5));

        Assert.Contains("unit 999, which is not a CloudWatch unit", unit.Message, StringComparison.Ordinal);
        Assert.Contains("StorageResolution 5; EMF allows only 1 (high resolution) or 60 (standard)", resolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_metric_cannot_have_two_resolutions_or_two_units_in_a_document()
    {
        var metrics = Metrics();
        metrics.AddMetric("Latency", 1, MetricUnit.Milliseconds, MetricResolution.High);

        var resolution = Assert.Throws<EmfValidationException>(() => metrics.AddMetric("Latency", 2, MetricUnit.Milliseconds, MetricResolution.Standard));
        var unit = Assert.Throws<EmfValidationException>(() => metrics.AddMetric("Latency", 2, MetricUnit.Seconds, MetricResolution.High));

        Assert.Equal("Metric 'Latency' was recorded with StorageResolution 1 and now with 60; the same metric cannot have two storage resolutions in one document. (Parameter 'resolution')", resolution.Message);
        Assert.Contains("unit Milliseconds and now with Seconds", unit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "web", "A dimension name must contain at least one non-whitespace character.")]
    [InlineData(":region", "eu", "starts with ':'")]
    [InlineData("Région", "eu", "must be printable ASCII")]
    [InlineData("_aws", "x", "A dimension cannot be named '_aws'")]
    [InlineData("Region", " ", "Dimension 'Region' needs a value with at least one non-whitespace character.")]
    [InlineData("Region", "é", "The value of dimension 'Region' 'é' contains U+00E9")]
    public void Dimension_names_and_values_follow_the_cloudwatch_rules(string name, string value, string expected)
    {
        var error = Assert.Throws<EmfValidationException>(() => Metrics().AddDimension(name, value));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimension_names_over_255_and_values_over_1024_characters_are_rejected()
    {
        var metrics = Metrics();
        metrics.AddDimension(new string('n', 255), new string('v', 1024));

        Assert.Contains("at most 255", Assert.Throws<EmfValidationException>(() => metrics.AddDimension(new string('n', 256), "v")).Message, StringComparison.Ordinal);
        Assert.Contains("at most 1024", Assert.Throws<EmfValidationException>(() => metrics.AddDimension("n", new string('v', 1025))).Message, StringComparison.Ordinal);
        metrics.AddMetric("A", 1);
        metrics.Flush();
        Assert.Single(TestMetrics.ValidLines(_output));
    }

    [Fact]
    public void Thirty_dimensions_are_allowed_and_the_thirty_first_is_rejected()
    {
        var metrics = Metrics(o => o.Service = "orders");
        for (var i = 0; i < 29; i++)
        {
            metrics.AddDimension($"D{i}", "v");
        }

        var error = Assert.Throws<EmfValidationException>(() => metrics.AddDimension("D29", "v"));
        metrics.AddDimension("D0", "replacing an existing one is fine");
        metrics.AddMetric("A", 1);
        metrics.Flush();

        Assert.Equal("A dimension set would have 31 dimensions (Service, default, tenant and added ones together); EMF allows at most 30.", error.Message);
        Assert.Single(TestMetrics.ValidLines(_output));
    }

    [Theory]
    [InlineData(null, "A metrics namespace is required")]
    [InlineData("Has Space", "contains 'U+0020'")]
    public void Flush_without_a_valid_namespace_fails_and_writes_nothing(string? metricNamespace, string expected)
    {
        var options = TestMetrics.Options(_output, metricNamespace: null);
        var metrics = new EmfMetrics(options);
        metrics.AddMetric("A", 1);
        if (metricNamespace is not null)
        {
            Assert.Contains(expected, Assert.Throws<EmfValidationException>(() => metrics.SetNamespace(metricNamespace)).Message, StringComparison.Ordinal);
            return;
        }

        var error = Assert.Throws<EmfValidationException>(metrics.Flush);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(_output.Lines);
        Assert.False(metrics.HasMetrics);
    }

    [Fact]
    public void A_metric_and_a_dimension_cannot_share_a_root_member()
    {
        var metrics = Metrics();
        metrics.AddMetric("Channel", 1);

        var error = Assert.Throws<EmfValidationException>(() => metrics.AddDimension("Channel", "web"));

        Assert.Contains("Dimension 'Channel' has the name of a metric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_flushes_write_nothing_unless_raising_is_configured()
    {
        Metrics().Flush();
        Assert.Empty(_output.Lines);

        var error = Assert.Throws<EmfValidationException>(Metrics(o => o.RaiseOnEmptyMetrics = true).Flush);
        Assert.Equal("No metrics were recorded, and RaiseOnEmptyMetrics is set.", error.Message);
    }

    [Fact]
    public void Metadata_keys_must_be_present_and_not_aws()
    {
        Assert.Throws<EmfValidationException>(() => Metrics().AddMetadata(" ", 1));
        Assert.Contains("'_aws'", Assert.Throws<EmfValidationException>(() => Metrics().AddMetadata("_aws", 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_unit_has_its_cloudwatch_name()
    {
        var names = Enum.GetValues<MetricUnit>().Select(MetricUnitNames.ToEmfName).ToArray();

        Assert.Equal(27, names.Distinct().Count());
        Assert.Contains("Bytes/Second", names);
        Assert.Contains("Count/Second", names);
        var metrics = Metrics();
        foreach (var unit in Enum.GetValues<MetricUnit>())
        {
            metrics.AddMetric("Unit" + unit, 1, unit);
        }

        metrics.Flush();
        Assert.Single(TestMetrics.ValidLines(_output));
    }

    [Fact]
    public void Invalid_configuration_fails_when_the_metrics_are_created_not_at_the_first_flush()
    {
        var badNamespace = TestMetrics.Options(_output, metricNamespace: "bad namespace!");
        var badService = TestMetrics.Options(_output);
        badService.Service = "café";
        var badDefault = TestMetrics.Options(_output);
        badDefault.DefaultDimensions[":x"] = "v";

        Assert.Contains("Namespace 'bad namespace!'", Assert.Throws<EmfValidationException>(() => new EmfMetrics(badNamespace)).Message, StringComparison.Ordinal);
        Assert.Contains("The value of dimension 'Service'", Assert.Throws<EmfValidationException>(() => new EmfMetrics(badService)).Message, StringComparison.Ordinal);
        Assert.Contains("starts with ':'", Assert.Throws<EmfValidationException>(() => new EmfMetrics(badDefault)).Message, StringComparison.Ordinal);
    }

    private EmfMetrics Metrics(Action<EmfMetricsOptions>? configure = null) => TestMetrics.Create(_output, configure);
}
