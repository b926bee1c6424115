using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using Tenancy.ControlPlane.Metering;
using Tenancy.Testing.Events;

namespace Tenancy.ControlPlane.Tests.Metering;

/// <summary>Subscription deliveries into per-tenant, per-hour counters on DynamoDB Local: exact, once, never fatal per line.</summary>
[Collection(MeteringCollection.Name)]
public sealed class UsageAggregatorTests(MeteringDatabase database)
{
    private static readonly DateTimeOffset Hour16 = new(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Hour16.AddHours(3));

    [Fact]
    public async Task A_delivery_is_added_per_tenant_hour_skipping_malformed_and_other_lines()
    {
        var table = await database.CreateTableAsync();
        var events = new List<(string, string)>
        {
            ("e1", UsageLines.For("acme", Hour16.AddMinutes(1), itemsRead: 2)),
            ("e2", UsageLines.For("acme", Hour16.AddMinutes(59), itemsWritten: 1)),
            ("e3", UsageLines.For("acme", Hour16.AddMinutes(61))),
            ("e4", UsageLines.For("globex", Hour16.AddMinutes(5), tier: "Premium")),
            ("e5", "{\"level\":\"Information\",\"message\":\"GET /orders/{id} answered 200\",\"tenant_id\":\"acme\"}"),
            ("e6", "{\"_tenancy_usage\":1,\"tenant_id\":\"acme\""),
            ("e7", "{\"_tenancy_usage\":1,\"timestamp\":\"2026-12-02T16:10:00Z\",\"tenant_id\":\"acme\",\"tier\":\"Basic\",\"operation\":\"GET /\",\"requests\":-1}"),
            ("e8", "END RequestId: 8f5c"),
        };

        var summary = await AggregateAsync(table, AwsLogsDelivery.Data(events));

        Assert.Equal(new AggregationSummary(Records: 4, Malformed: 2, OtherLines: 2, Groups: 3, Counted: 3, Duplicates: 0, Late: 0), summary);
        var acme16 = await ReadCounterAsync(table, "acme", "2026-12-02T16");
        Assert.Equal("2", acme16["Requests"].N);
        Assert.Equal("3", acme16["ItemsRead"].N);
        Assert.Equal("1", acme16["ItemsWritten"].N);
        Assert.Equal("6", acme16["ComputeMs"].N);
        Assert.Equal("1", (await ReadCounterAsync(table, "acme", "2026-12-02T17"))["Requests"].N);
        var globex = await ReadCounterAsync(table, "globex", "2026-12-02T16");
        Assert.Equal("1", globex["Requests"].N);
        Assert.Equal("Premium", globex["Tier"].S);
    }

    [Fact]
    public async Task A_redelivered_batch_is_not_counted_twice()
    {
        var table = await database.CreateTableAsync();
        var delivery = AwsLogsDelivery.Data(Enumerable.Range(0, 30).Select(i => ($"id-{i}", UsageLines.For(i % 2 == 0 ? "acme" : "globex", Hour16.AddMinutes(i)))));

        var first = await AggregateAsync(table, delivery);
        var second = await AggregateAsync(table, delivery);

        Assert.Equal(2, first.Counted);
        Assert.Equal(0, second.Counted);
        Assert.Equal(2, second.Duplicates);
        Assert.Equal("15", (await ReadCounterAsync(table, "acme", "2026-12-02T16"))["Requests"].N);
        Assert.Equal("15", (await ReadCounterAsync(table, "globex", "2026-12-02T16"))["Requests"].N);
    }

    [Fact]
    public async Task Concurrent_deliveries_all_count_and_a_concurrently_repeated_one_counts_once()
    {
        var table = await database.CreateTableAsync();
        var distinct = Enumerable.Range(0, 12).Select(batch =>
            AwsLogsDelivery.Data(Enumerable.Range(0, 10).Select(i => ($"b{batch}-{i}", UsageLines.For("acme", Hour16.AddMinutes(i))))));
        var repeated = AwsLogsDelivery.Data(Enumerable.Range(0, 7).Select(i => ($"r-{i}", UsageLines.For("acme", Hour16.AddMinutes(i)))));

        var results = await Task.WhenAll(distinct.Concat(Enumerable.Repeat(repeated, 5)).Select(delivery => AggregateAsync(table, delivery)));

        Assert.Equal(13, results.Sum(static r => r.Counted));
        Assert.Equal("127", (await ReadCounterAsync(table, "acme", "2026-12-02T16"))["Requests"].N);
    }

    [Fact]
    public async Task A_control_message_counts_nothing()
    {
        var table = await database.CreateTableAsync();

        var summary = await AggregateAsync(table, AwsLogsDelivery.Control());

        Assert.Equal(new AggregationSummary(0, 0, 0, 0, 0, 0, 0), summary);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("aGVsbG8gd29ybGQ=")]
    public async Task An_unreadable_delivery_fails_the_invocation_and_writes_nothing(string data)
    {
        var table = await database.CreateTableAsync();

        await Assert.ThrowsAsync<MalformedSubscriptionEventException>(() => AggregateAsync(table, AwsLogsDelivery.WithData(data)));
        await Assert.ThrowsAsync<MalformedSubscriptionEventException>(() => AggregateAsync(table, AwsLogsDelivery.WithData(AwsLogsDelivery.Gzip("[1,2,3]"))));

        var scan = await database.Client.ScanAsync(new ScanRequest { TableName = table });
        Assert.Equal(0, scan.Count);
    }

    private Task<AggregationSummary> AggregateAsync(string table, string deliveryJson)
    {
        var delivery = JsonSerializer.Deserialize(deliveryJson, MeteringJsonContext.Default.LogsSubscriptionEvent)!;
        return new UsageAggregator(new UsageCounterStore(database.Client, table, _clock)).AggregateAsync(delivery, CancellationToken.None);
    }

    private async Task<Dictionary<string, AttributeValue>> ReadCounterAsync(string table, string tenant, string hour)
    {
        var response = await database.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["PK"] = new() { S = $"USAGE#{tenant}#{hour}" }, ["SK"] = new() { S = "COUNTER" } },
            ConsistentRead = true,
        });
        Assert.True(response.Item is { Count: > 0 }, $"no counter for {tenant} {hour}");
        return response.Item;
    }
}
