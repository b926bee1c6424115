using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tenancy.Observability.Metrics;
using Tenancy.Observability.Tests.Support;

namespace Tenancy.Observability.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Many_threads_logging_and_recording_metrics_into_one_output_produce_only_whole_valid_lines()
    {
        const int threads = 8;
        const int iterations = 400;
        var log = new TestLogger();
        var metrics = TestMetrics.Create(log.Output, o => o.Service = "orders");
        var logger = log.Create();
        log.Provider.AppendedKeys.Append("stage", "test");

        var workers = Enumerable.Range(0, threads).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < iterations; i++)
            {
                using (logger.BeginScope(new Dictionary<string, object?> { ["thread"] = thread }))
                {
                    logger.LogInformation("Work {Thread} {Iteration} {Payload}", thread, i, new[] { "a\"b", "ç" });
                }

                metrics.AddMetric($"Thread{thread}", i, MetricUnit.Count);
                if (i % 97 == 0)
                {
                    metrics.Flush();
                }

                if (i % 50 == 0)
                {
                    log.Provider.AppendedKeys.Append($"k{thread}", i);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        metrics.Flush();

        var logLines = 0;
        var metricValues = 0;
        foreach (var line in log.Output.Lines)
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("_aws", out var aws))
            {
                EmfSpecValidator.AssertValid(line);
                foreach (var definition in aws.GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray())
                {
                    var value = document.RootElement.GetProperty(definition.GetProperty("Name").GetString()!);
                    metricValues += value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 1;
                }
            }
            else
            {
                logLines++;
                var thread = document.RootElement.GetProperty("Thread").GetInt32();
                Assert.Equal(thread, document.RootElement.GetProperty("thread").GetInt32());
            }
        }

        Assert.Equal(threads * iterations, logLines);
        Assert.Equal(threads * iterations, metricValues);
        Assert.Equal(0, log.Provider.WriteFailures);
    }
}
