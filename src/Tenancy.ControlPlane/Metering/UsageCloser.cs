using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// Closes a finished hour into billing records, exactly once per tenant-hour: the record is created only if absent and
/// the counter is marked closed in the same transaction, on the condition that it has not changed since it was read
/// (a concurrent delivery makes the close re-read instead of billing a stale total). Closing again finds every counter
/// closed and creates nothing; it returns the records not yet announced, so a failed announcement is retried.
/// </summary>
public sealed class UsageCloser(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider clock, TimeSpan grace)
{
    private const int MaxAttemptsPerCounter = 8;

    public async Task<CloseHourResult> CloseAsync(UsageHour hour, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (hour.End + grace > now)
        {
            throw new HourNotFinishedException($"Hour {hour} can be closed from {(hour.End + grace).ToString("u", CultureInfo.InvariantCulture)} on.");
        }

        var closed = 0;
        var pending = new List<BillingRecord>();
        foreach (var tenantId in await TenantsWithUsageAsync(hour, cancellationToken).ConfigureAwait(false))
        {
            if (await CloseCounterAsync(tenantId, hour, now, cancellationToken).ConfigureAwait(false))
            {
                closed++;
            }

            var record = await ReadBillingAsync(tenantId, hour, cancellationToken).ConfigureAwait(false);
            if (record is { Published: false })
            {
                pending.Add(record);
            }
        }

        return new CloseHourResult(hour.ToString(), closed, pending);
    }

    public async Task<int> MarkPublishedAsync(IEnumerable<BillingRecord> records, CancellationToken cancellationToken)
    {
        var marked = 0;
        foreach (var record in records)
        {
            if (!UsageHour.TryParse(record.Hour, out var hour))
            {
                throw new ArgumentException($"'{record.Hour}' is not an hour (yyyy-MM-ddTHH).", nameof(records));
            }

            try
            {
                await dynamoDb.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = UsageCounterStore.Key(MeteringTableLayout.BillingKey(record.TenantId, hour), MeteringTableLayout.BillingSortKey),
                    UpdateExpression = "SET #published = :true",
                    ConditionExpression = "attribute_exists(#pk)",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#published"] = MeteringTableLayout.Published, ["#pk"] = MeteringTableLayout.PartitionKey },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":true"] = new() { BOOL = true } },
                }, cancellationToken).ConfigureAwait(false);
                marked++;
            }
            catch (ConditionalCheckFailedException)
            {
                throw new KeyNotFoundException($"No billing record {record.TenantId} {record.Hour} exists to mark published.");
            }
        }

        return marked;
    }

    private async Task<List<string>> TenantsWithUsageAsync(UsageHour hour, CancellationToken cancellationToken)
    {
        var tenants = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                IndexName = MeteringTableLayout.ByHourIndex,
                KeyConditionExpression = "#hour = :hour",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#hour"] = MeteringTableLayout.Hour },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":hour"] = new() { S = hour.ToString() } },
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            // Billing records carry the same Hour/TenantId and so appear in the index too; only counters are closed.
            tenants.AddRange((page.Items ?? [])
                .Where(static item => item[MeteringTableLayout.SortKey].S == MeteringTableLayout.CounterSortKey)
                .Select(static item => item[MeteringTableLayout.TenantId].S));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return tenants;
    }

    private async Task<bool> CloseCounterAsync(string tenantId, UsageHour hour, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = UsageCounterStore.Key(MeteringTableLayout.UsageKey(tenantId, hour), MeteringTableLayout.CounterSortKey);
        for (var attempt = 0; attempt < MaxAttemptsPerCounter; attempt++)
        {
            var counter = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = key, ConsistentRead = true }, cancellationToken).ConfigureAwait(false)).Item;
            if (counter is null || counter.Count == 0 || counter.ContainsKey(MeteringTableLayout.ClosedAt))
            {
                return false;
            }

            var closedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var billing = new Dictionary<string, AttributeValue>(UsageCounterStore.Key(MeteringTableLayout.BillingKey(tenantId, hour), MeteringTableLayout.BillingSortKey))
            {
                [MeteringTableLayout.TenantId] = new() { S = tenantId },
                [MeteringTableLayout.Hour] = new() { S = hour.ToString() },
                [MeteringTableLayout.Tier] = new() { S = counter.TryGetValue(MeteringTableLayout.Tier, out var tier) ? tier.S : string.Empty },
                [MeteringTableLayout.ClosedAt] = new() { S = closedAt },
                [MeteringTableLayout.Published] = new() { BOOL = false },
            };
            foreach (var quantity in MeteringTableLayout.Quantities)
            {
                billing[quantity] = UsageCounterStore.Number(ReadNumber(counter, quantity));
            }

            try
            {
                await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems =
                    [
                        new TransactWriteItem
                        {
                            Put = new Put
                            {
                                TableName = tableName,
                                Item = billing,
                                ConditionExpression = "attribute_not_exists(#pk)",
                                ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = MeteringTableLayout.PartitionKey },
                            },
                        },
                        new TransactWriteItem
                        {
                            Update = new Update
                            {
                                TableName = tableName,
                                Key = key,
                                UpdateExpression = "SET #closed = :closed",
                                ConditionExpression = "attribute_not_exists(#closed) AND #batches = :batches",
                                ExpressionAttributeNames = new Dictionary<string, string> { ["#closed"] = MeteringTableLayout.ClosedAt, ["#batches"] = MeteringTableLayout.Batches },
                                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                                {
                                    [":closed"] = new() { S = closedAt },
                                    [":batches"] = UsageCounterStore.Number(ReadNumber(counter, MeteringTableLayout.Batches)),
                                },
                            },
                        },
                    ],
                }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TransactionCanceledException)
            {
                // Another delivery or another close got there between the read and the write: read again.
            }
        }

        throw new InvalidOperationException($"The counter of {tenantId} {hour} kept changing; the close will be retried.");
    }

    private async Task<BillingRecord?> ReadBillingAsync(string tenantId, UsageHour hour, CancellationToken cancellationToken)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = UsageCounterStore.Key(MeteringTableLayout.BillingKey(tenantId, hour), MeteringTableLayout.BillingSortKey),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false)).Item;
        return item is null || item.Count == 0 ? null : ToRecord(item);
    }

    internal static BillingRecord ToRecord(Dictionary<string, AttributeValue> item)
    {
        var tenantId = item[MeteringTableLayout.TenantId].S;
        var hour = item[MeteringTableLayout.Hour].S;
        return new BillingRecord(
            $"{tenantId}#{hour}",
            tenantId,
            hour,
            item.TryGetValue(MeteringTableLayout.Tier, out var tier) ? tier.S : string.Empty,
            ReadNumber(item, "Requests"),
            ReadNumber(item, "ItemsRead"),
            ReadNumber(item, "ItemsWritten"),
            ReadNumber(item, "BytesIn"),
            ReadNumber(item, "BytesOut"),
            ReadNumber(item, "ComputeMs"),
            item[MeteringTableLayout.ClosedAt].S,
            item.TryGetValue(MeteringTableLayout.Published, out var published) && published.BOOL == true);
    }

    internal static long ReadNumber(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } number ? long.Parse(number, CultureInfo.InvariantCulture) : 0;
}
