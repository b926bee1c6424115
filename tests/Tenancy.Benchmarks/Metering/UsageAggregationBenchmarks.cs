using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Tenancy.Benchmarks.Observability;
using Tenancy.ControlPlane.Metering;
using Tenancy.Observability.Usage;
using Tenancy.Testing.Events;

namespace Tenancy.Benchmarks.Metering;

/// <summary>
/// The usage aggregator's CPU path for one CloudWatch Logs subscription delivery of 1,000 usage lines, written by the
/// API's own <see cref="UsageRecordWriter"/> (20 tenants, two hours, both tiers), gzip + base64 as Logs sends them:
/// decoding alone, then decoding, parsing every line and folding into tenant-hour groups (everything before the
/// DynamoDB writes). Records per second = 1,000 / mean.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class UsageAggregationBenchmarks
{
    private const int Lines = 1_000;
    private LogsSubscriptionEvent _delivery = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var events = new List<(string Id, string Message)>(Lines);
        for (var i = 0; i < Lines; i++)
        {
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            new UsageRecordWriter(output).Write(new UsageRecord
            {
                Timestamp = start.AddSeconds(i * 7.2),
                TenantId = $"tenant-{i % 20:D2}",
                Tier = i % 20 < 15 ? "Basic" : "Premium",
                Service = "tenant-api",
                Operation = i % 3 == 0 ? "POST /orders" : "GET /orders/{id}",
                Status = i % 50 == 0 ? 404 : 200,
                ItemsRead = 1 + (i % 4),
                ItemsWritten = i % 3 == 0 ? 1 : 0,
                BytesIn = i % 3 == 0 ? 240 : 0,
                BytesOut = 180 + (i % 90),
                DurationMs = 2.5 + (i % 7),
                ComputeMs = 3 + (i % 5),
            });
            events.Add((i.ToString("D36", CultureInfo.InvariantCulture), output.ToString().TrimEnd('\n')));
        }

        _delivery = JsonSerializer.Deserialize(AwsLogsDelivery.Data(events), MeteringJsonContext.Default.LogsSubscriptionEvent)!;
        var check = UsageBatchReader.Read(LogsSubscriptionDecoder.Decode(_delivery));
        if (check.Records != Lines || check.Malformed != 0)
        {
            throw new InvalidOperationException($"The delivery read {check.Records} records, {check.Malformed} malformed; expected {Lines}.");
        }
    }

    [Benchmark(Baseline = true)]
    public int DecodeOnly() => LogsSubscriptionDecoder.Decode(_delivery).LogEvents?.Count ?? 0;

    [Benchmark]
    public int DecodeParseFold() => UsageBatchReader.Read(LogsSubscriptionDecoder.Decode(_delivery)).Groups.Count;
}
