using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using Tenancy.Api.Tests.Infrastructure;
using Tenancy.ControlPlane.Metering;
using Tenancy.Observability.Usage;
using Tenancy.Testing.Events;

namespace Tenancy.Api.Tests;

/// <summary>
/// Metering end to end: requests through the published API, its own stdout lines shipped as CloudWatch Logs
/// subscription deliveries, the aggregator's counters on DynamoDB Local, then the hourly close.
/// </summary>
[Collection(LocalApiCollection.Name)]
public sealed class MeteringTests(LocalApiFixture fixture)
{
    [Fact]
    public async Task Counters_equal_the_requests_made_per_tenant_hour_once_and_close_into_one_bill()
    {
        // The shared API (a cold one would vend credentials the counter tests do not expect); the tests of a
        // collection run one at a time, so every line after this point is this test's.
        var (api, http) = (fixture.Api, fixture.Http);
        var firstLine = api.OutputLines.Count;
        var (acme, initech) = (fixture.Basic, fixture.Neighbour);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await http.CreateOrderAsync(acme, $"Metered {i}", $"m{i}@acme.example"))["id"]!.GetValue<string>());
        }

        foreach (var id in ids)
        {
            using var read = await http.SendAsync(HttpMethod.Get, $"/orders/{id}", acme.AccessToken);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            using var missing = await http.SendAsync(HttpMethod.Get, $"/orders/{Guid.NewGuid():N}", initech.AccessToken);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // Refused before the API (by API Gateway, or by the API itself on Kestrel): never a usage record.
        using (var anonymous = await http.SendAsync(HttpMethod.Get, "/orders", token: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var lines = await UsageLinesAsync(api, firstLine, expected: 11);
        var records = lines.Select(static line => UsageRecordParser.Parse(line).Record!).ToList();
        Assert.Equal(8, records.Count(static r => r.TenantId == "acme"));
        Assert.Equal(3, records.Count(static r => r.TenantId == "initech"));
        Assert.Equal(4, records.Where(static r => r.TenantId == "acme").Sum(static r => r.ItemsWritten));
        Assert.True(records.Where(static r => r.TenantId == "acme" && r.Operation == "GET /orders/{id}").All(static r => r.ItemsRead == 1 && r.BytesOut > 0));
        Assert.All(records.Where(static r => r.TenantId == "initech"), static r => Assert.Equal((0L, 404), (r.ItemsRead, r.Status)));

        // Lambda's stream interleaves application logs with usage lines; the aggregator must pick out only its own.
        var delivered = api.OutputLines.Skip(firstLine).Select((line, index) => ($"{index:D6}", line)).ToList();
        var table = $"Metering-{Guid.NewGuid():N}";
        await fixture.AdminDynamoDb.CreateTableAsync(MeteringTableSchema.CreateTableRequest(table));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var aggregator = new UsageAggregator(new UsageCounterStore(fixture.AdminDynamoDb, table, clock));
        var delivery = JsonSerializer.Deserialize(AwsLogsDelivery.Data(delivered), MeteringJsonContext.Default.LogsSubscriptionEvent)!;

        var first = await aggregator.AggregateAsync(delivery, CancellationToken.None);
        var again = await aggregator.AggregateAsync(delivery, CancellationToken.None);

        Assert.Equal((records.Count, 0), (first.Records, first.Malformed));
        Assert.Equal((0, first.Groups), (again.Counted, again.Duplicates));
        var hours = records.GroupBy(static r => (r.TenantId, Hour: UsageHour.Of(r.Timestamp))).ToList();
        foreach (var hour in hours)
        {
            var counter = await CounterAsync(table, hour.Key.TenantId, hour.Key.Hour);
            Assert.Equal(hour.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), counter["Requests"].N);
        }

        var closer = new UsageCloser(fixture.AdminDynamoDb, table, clock, TimeSpan.FromMinutes(15));
        clock.Advance(TimeSpan.FromHours(2));
        foreach (var hour in hours.Select(static h => h.Key.Hour).Distinct())
        {
            var closed = await closer.CloseAsync(hour, CancellationToken.None);
            var closedAgain = await closer.CloseAsync(hour, CancellationToken.None);
            Assert.Equal(0, closedAgain.Closed);
            Assert.Equal(closed.Records.Count, closedAgain.Records.Count);
        }

        var bills = await fixture.AdminDynamoDb.ScanAsync(new ScanRequest
        {
            TableName = table,
            FilterExpression = "begins_with(PK, :billing)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":billing"] = new() { S = "BILLING#" } },
            ConsistentRead = true,
        });
        Assert.Equal(hours.Count, bills.Count);
        Assert.Equal(11, bills.Items.Sum(static item => int.Parse(item["Requests"].N, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<List<string>> UsageLinesAsync(IApiUnderTest api, int firstLine, int expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var lines = api.OutputLines.Skip(firstLine).Where(static line => UsageRecordParser.Parse(line).Kind == UsageLineKind.Usage).ToList();
            if (lines.Count >= expected || attempt == 50)
            {
                Assert.Equal(expected, lines.Count);
                return lines;
            }

            await Task.Delay(100);
        }
    }

    private async Task<Dictionary<string, AttributeValue>> CounterAsync(string table, string tenant, UsageHour hour)
    {
        var response = await fixture.AdminDynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["PK"] = new() { S = $"USAGE#{tenant}#{hour}" }, ["SK"] = new() { S = "COUNTER" } },
            ConsistentRead = true,
        });
        Assert.True(response.Item is { Count: > 0 }, $"no counter for {tenant} {hour}");
        return response.Item;
    }
}
