using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using Tenancy.ControlPlane.Metering;
using Tenancy.Testing.Events;

namespace Tenancy.ControlPlane.Tests.Metering;

/// <summary>The billing hand-off: each finished tenant-hour closed into one record, whatever the retries.</summary>
[Collection(MeteringCollection.Name)]
public sealed class UsageCloserTests(MeteringDatabase database)
{
    private static readonly DateTimeOffset Hour16 = new(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);
    private readonly FakeTimeProvider _clock = new(Hour16.AddMinutes(30));

    [Fact]
    public async Task Closing_an_hour_twice_yields_one_billing_record_per_tenant()
    {
        var table = await database.CreateTableAsync();
        await AggregateAsync(table, ("a1", UsageLines.For("acme", Hour16.AddMinutes(1), itemsRead: 4)), ("a2", UsageLines.For("acme", Hour16.AddMinutes(2))), ("g1", UsageLines.For("globex", Hour16.AddMinutes(3), tier: "Premium")));
        _clock.SetUtcNow(Hour16.AddHours(1) + Grace + TimeSpan.FromMinutes(1));
        var closer = new UsageCloser(database.Client, table, _clock, Grace);

        var first = await closer.CloseAsync(new UsageHour(Hour16), CancellationToken.None);
        var second = await closer.CloseAsync(new UsageHour(Hour16), CancellationToken.None);

        Assert.Equal(2, first.Closed);
        Assert.Equal(0, second.Closed);
        var acme = Assert.Single(first.Records, static r => r.TenantId == "acme");
        Assert.Equal(("acme#2026-12-02T16", 2L, 5L, "Basic", false), (acme.Id, acme.Requests, acme.ItemsRead, acme.Tier, acme.Published));
        Assert.Equal([.. first.Records.OrderBy(static r => r.Id)], second.Records.OrderBy(static r => r.Id).ToArray());
        Assert.Equal(2, await CountAsync(table, "BILLING#"));

        Assert.Equal(2, await closer.MarkPublishedAsync(second.Records, CancellationToken.None));
        var third = await closer.CloseAsync(new UsageHour(Hour16), CancellationToken.None);
        Assert.Empty(third.Records);
        Assert.Equal(2, await CountAsync(table, "BILLING#"));
    }

    [Fact]
    public async Task An_hour_is_not_closed_before_its_grace_has_passed()
    {
        var table = await database.CreateTableAsync();
        await AggregateAsync(table, ("a1", UsageLines.For("acme", Hour16.AddMinutes(1))));
        _clock.SetUtcNow(Hour16.AddHours(1) + Grace - TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<HourNotFinishedException>(() => new UsageCloser(database.Client, table, _clock, Grace).CloseAsync(new UsageHour(Hour16), CancellationToken.None));

        Assert.Equal(0, await CountAsync(table, "BILLING#"));
    }

    [Fact]
    public async Task Usage_arriving_after_the_close_is_kept_apart_and_never_changes_the_bill()
    {
        var table = await database.CreateTableAsync();
        await AggregateAsync(table, ("a1", UsageLines.For("acme", Hour16.AddMinutes(1))));
        _clock.SetUtcNow(Hour16.AddHours(2));
        var closer = new UsageCloser(database.Client, table, _clock, Grace);
        var billed = Assert.Single((await closer.CloseAsync(new UsageHour(Hour16), CancellationToken.None)).Records);

        var late = await AggregateAsync(table, ("a2", UsageLines.For("acme", Hour16.AddMinutes(50))), ("a3", UsageLines.For("acme", Hour16.AddMinutes(51))));

        Assert.Equal(1, late.Late);
        var after = Assert.Single((await closer.CloseAsync(new UsageHour(Hour16), CancellationToken.None)).Records);
        Assert.Equal(billed, after);
        var report = await new UsageReader(database.Client, table).ReadAsync(new UsageQueryRequest("acme", "2026-12-02T16", "2026-12-02T16"), CancellationToken.None);
        var hour = Assert.Single(report.Hours);
        Assert.Equal((1L, true, 2L), (hour.Requests, hour.Closed, hour.LateRequests));
    }

    [Fact]
    public async Task The_usage_query_reports_a_tenant_per_hour_with_totals_and_refuses_unbounded_periods()
    {
        var table = await database.CreateTableAsync();
        await AggregateAsync(
            table,
            ("a1", UsageLines.For("acme", Hour16.AddMinutes(1), itemsWritten: 2)),
            ("a2", UsageLines.For("acme", Hour16.AddHours(2))),
            ("g1", UsageLines.For("globex", Hour16.AddMinutes(3))));
        var reader = new UsageReader(database.Client, table);

        var report = await reader.ReadAsync(new UsageQueryRequest("acme", "2026-12-02T15", "2026-12-02T18"), CancellationToken.None);

        Assert.Equal(["2026-12-02T16", "2026-12-02T18"], report.Hours.Select(static h => h.Hour));
        Assert.Equal((2L, 2L), (report.Total.Requests, report.Total.ItemsWritten));
        await Assert.ThrowsAsync<ArgumentException>(() => reader.ReadAsync(new UsageQueryRequest("acme", "2026-11-01T00", "2026-12-02T18"), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => reader.ReadAsync(new UsageQueryRequest("acme", "2026-12-02T18", "2026-12-02T16"), CancellationToken.None));
        await Assert.ThrowsAsync<Tenancy.Isolation.InvalidTenantIdException>(() => reader.ReadAsync(new UsageQueryRequest("ACME!", "2026-12-02T16", "2026-12-02T16"), CancellationToken.None));
    }

    private Task<AggregationSummary> AggregateAsync(string table, params (string Id, string Line)[] events)
    {
        var delivery = JsonSerializer.Deserialize(AwsLogsDelivery.Data(events), MeteringJsonContext.Default.LogsSubscriptionEvent)!;
        return new UsageAggregator(new UsageCounterStore(database.Client, table, _clock)).AggregateAsync(delivery, CancellationToken.None);
    }

    private async Task<int> CountAsync(string table, string prefix)
    {
        var scan = await database.Client.ScanAsync(new ScanRequest
        {
            TableName = table,
            FilterExpression = "begins_with(PK, :p)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = new() { S = prefix } },
            ConsistentRead = true,
        });
        return scan.Count ?? 0;
    }
}
