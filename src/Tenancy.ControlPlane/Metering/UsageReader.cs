using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Metering;

/// <summary>Reads a tenant's counters for a bounded period (at most 31 days) with batched key reads, never a scan.</summary>
public sealed class UsageReader(IAmazonDynamoDB dynamoDb, string tableName)
{
    public const int MaxHours = 31 * 24;
    private const int BatchSize = 100;

    public async Task<UsageReport> ReadAsync(UsageQueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tenantId = TenantId.Parse(query.TenantId ?? throw new ArgumentException("tenantId is required.", nameof(query)));
        if (!UsageHour.TryParse(query.From, out var from) || !UsageHour.TryParse(query.To, out var to))
        {
            throw new ArgumentException("from and to must be hours written yyyy-MM-ddTHH.", nameof(query));
        }

        var count = (int)((to.Start - from.Start).TotalHours + 1);
        if (count is < 1 or > MaxHours)
        {
            throw new ArgumentException($"The period must be 1 to {MaxHours} hours long.", nameof(query));
        }

        var hours = Enumerable.Range(0, count).Select(offset => new UsageHour(from.Start.AddHours(offset))).ToList();
        var found = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        foreach (var chunk in hours.Chunk(BatchSize))
        {
            var keys = chunk.Select(hour => UsageCounterStore.Key(MeteringTableLayout.UsageKey(tenantId.Value, hour), MeteringTableLayout.CounterSortKey)).ToList();
            while (keys.Count > 0)
            {
                var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest
                {
                    RequestItems = new Dictionary<string, KeysAndAttributes> { [tableName] = new() { Keys = keys, ConsistentRead = true } },
                }, cancellationToken).ConfigureAwait(false);
                foreach (var item in response.Responses?.GetValueOrDefault(tableName) ?? [])
                {
                    found[item[MeteringTableLayout.Hour].S] = item;
                }

                keys = response.UnprocessedKeys?.GetValueOrDefault(tableName)?.Keys ?? [];
            }
        }

        var rows = hours.Where(hour => found.ContainsKey(hour.ToString())).Select(hour => ToRow(hour.ToString(), found[hour.ToString()])).ToList();
        var total = new UsageReportHour(
            "total",
            rows.Sum(static row => row.Requests),
            rows.Sum(static row => row.ItemsRead),
            rows.Sum(static row => row.ItemsWritten),
            rows.Sum(static row => row.BytesIn),
            rows.Sum(static row => row.BytesOut),
            rows.Sum(static row => row.ComputeMs),
            rows.All(static row => row.Closed),
            rows.Sum(static row => row.LateRequests));
        return new UsageReport(tenantId.Value, from.ToString(), to.ToString(), rows, total);
    }

    private static UsageReportHour ToRow(string hour, Dictionary<string, AttributeValue> item) => new(
        hour,
        UsageCloser.ReadNumber(item, "Requests"),
        UsageCloser.ReadNumber(item, "ItemsRead"),
        UsageCloser.ReadNumber(item, "ItemsWritten"),
        UsageCloser.ReadNumber(item, "BytesIn"),
        UsageCloser.ReadNumber(item, "BytesOut"),
        UsageCloser.ReadNumber(item, "ComputeMs"),
        item.ContainsKey(MeteringTableLayout.ClosedAt),
        UsageCloser.ReadNumber(item, "LateRequests"));
}
