using System.Text.Json;
using Tenancy.Observability.Metrics;
using Tenancy.Observability.Tests.Support;

namespace Tenancy.Observability.Tests.Metrics;

public sealed class EmfSplitTests
{
    [Fact]
    public void More_than_100_metrics_are_split_into_documents_of_at_most_100_with_the_same_dimensions_and_metadata()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output, o => o.Service = "orders");
        for (var i = 0; i < 250; i++)
        {
            metrics.AddMetric($"Metric{i:D3}", i, MetricUnit.Count);
        }

        metrics.AddMetadata("batch", "b-1");
        metrics.Flush();

        var lines = TestMetrics.ValidLines(output);
        Assert.Equal([100, 100, 50], lines.Select(CountDefinitions).ToArray());
        var seen = new HashSet<string>();
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal("orders", document.RootElement.GetProperty("Service").GetString());
            Assert.Equal("b-1", document.RootElement.GetProperty("batch").GetString());
            foreach (var definition in Directive(document).GetProperty("Metrics").EnumerateArray())
            {
                var name = definition.GetProperty("Name").GetString()!;
                Assert.True(seen.Add(name));
                Assert.Equal(int.Parse(name[6..], System.Globalization.CultureInfo.InvariantCulture), document.RootElement.GetProperty(name).GetInt32());
            }
        }

        Assert.Equal(250, seen.Count);
    }

    [Fact]
    public void More_than_100_values_of_one_metric_are_split_into_arrays_of_at_most_100_in_order()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output);
        for (var i = 0; i < 250; i++)
        {
            metrics.AddMetric("Latency", i, MetricUnit.Milliseconds, MetricResolution.High);
        }

        metrics.AddMetric("Single", 7);
        metrics.Flush();

        var lines = TestMetrics.ValidLines(output);
        var values = new List<double>();
        var counts = new List<int>();
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var latency = document.RootElement.GetProperty("Latency");
            var chunk = latency.ValueKind == JsonValueKind.Array ? latency.EnumerateArray().Select(v => v.GetDouble()).ToList() : [latency.GetDouble()];
            counts.Add(chunk.Count);
            values.AddRange(chunk);
        }

        Assert.Equal([100, 100, 50], counts);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (double)i), values);
        Assert.Contains("\"Single\":7", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Single", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Many_metrics_with_many_values_split_both_ways_and_every_document_is_valid()
    {
        var output = new CapturedOutput();
        var metrics = TestMetrics.Create(output, o =>
        {
            for (var d = 0; d < 29; d++)
            {
                o.DefaultDimensions[$"Dim{d}"] = $"value-{d}";
            }
        });
        for (var m = 0; m < 150; m++)
        {
            for (var v = 0; v < (m % 3 == 0 ? 130 : 1); v++)
            {
                metrics.AddMetric($"M{m}", v, MetricUnit.CountPerSecond);
            }
        }

        metrics.AddDimension("Channel", "web");
        metrics.Flush();

        var lines = TestMetrics.ValidLines(output);
        var total = 0;
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(30, Directive(document).GetProperty("Dimensions")[0].GetArrayLength());
            foreach (var definition in Directive(document).GetProperty("Metrics").EnumerateArray())
            {
                var value = document.RootElement.GetProperty(definition.GetProperty("Name").GetString()!);
                total += value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 1;
            }
        }

        Assert.Equal((50 * 130) + 100, total);
        Assert.True(lines.Count >= 2);
    }

    private static int CountDefinitions(string line)
    {
        using var document = JsonDocument.Parse(line);
        return Directive(document).GetProperty("Metrics").GetArrayLength();
    }

    private static JsonElement Directive(JsonDocument document) =>
        document.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
}
