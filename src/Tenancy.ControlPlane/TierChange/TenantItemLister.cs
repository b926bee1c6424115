using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.ControlPlane.Offboarding;
using Tenancy.Isolation;
using Tenancy.Isolation.Repositories.Runtime;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// Lists one tenant's whole items, a page at a time: in the pooled table through the keys-only tenant shard index
/// then a consistent BatchGetItem (never a scan of other tenants' data); in a silo table by a consistent scan of the
/// table, which must hold only this tenant's items (any other item stops the move).
/// </summary>
internal sealed class TenantItemLister
{
    private const string PartitionKey = "PK";
    private const string SortKey = "SK";
    private const int BatchGetLimit = 100;

    private readonly IAmazonDynamoDB _dynamoDb;

    public TenantItemLister(IAmazonDynamoDB dynamoDb) => _dynamoDb = dynamoDb;

    public Task<TenantItemPage> NextAsync(TenantId tenantId, TenancyModel model, string tableName, TenantItemCursor cursor, int limit, CancellationToken cancellationToken) =>
        model == TenancyModel.Pool
            ? NextPooledAsync(tenantId, tableName, cursor, limit, cancellationToken)
            : NextSiloAsync(tenantId, tableName, cursor, limit, cancellationToken);

    private async Task<TenantItemPage> NextPooledAsync(TenantId tenantId, string tableName, TenantItemCursor cursor, int limit, CancellationToken cancellationToken)
    {
        var page = await _dynamoDb.QueryAsync(
            new QueryRequest
            {
                TableName = tableName,
                IndexName = TenantShards.IndexName,
                KeyConditionExpression = "#shard = :shard",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#shard"] = TenantShards.AttributeName },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [":shard"] = new() { S = TenantShards.Key(tenantId, cursor.Shard) },
                },
                ExclusiveStartKey = cursor.PartitionKey is null ? null : new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [PartitionKey] = new() { S = cursor.PartitionKey },
                    [SortKey] = new() { S = cursor.SortKey },
                    [TenantShards.AttributeName] = new() { S = TenantShards.Key(tenantId, cursor.Shard) },
                },
                Limit = Math.Min(limit, BatchGetLimit),
            },
            cancellationToken).ConfigureAwait(false);

        var keys = new List<Dictionary<string, AttributeValue>>();
        foreach (var entry in page.Items ?? [])
        {
            var partitionKey = entry.GetValueOrDefault(PartitionKey)?.S;
            // The table key decides ownership, as in offboarding: an index entry on another tenant's item is ignored.
            if (entry.GetValueOrDefault(SortKey)?.S is { } sortKey && PooledItemKeys.BelongsTo(tenantId, partitionKey))
            {
                keys.Add(new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [PartitionKey] = new() { S = partitionKey }, [SortKey] = new() { S = sortKey } });
            }
        }

        var items = await GetConsistentAsync(tableName, keys, cancellationToken).ConfigureAwait(false);
        var next = page.LastEvaluatedKey is { Count: > 0 } last
            ? new TenantItemCursor(cursor.Shard, last.GetValueOrDefault(PartitionKey)?.S, last.GetValueOrDefault(SortKey)?.S)
            : cursor.Shard + 1 < TenantShards.Count ? new TenantItemCursor(cursor.Shard + 1, null, null) : null;
        return new TenantItemPage(items, next);
    }

    private async Task<TenantItemPage> NextSiloAsync(TenantId tenantId, string tableName, TenantItemCursor cursor, int limit, CancellationToken cancellationToken)
    {
        var page = await _dynamoDb.ScanAsync(
            new ScanRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                Limit = limit,
                ExclusiveStartKey = cursor.PartitionKey is null ? null : new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [PartitionKey] = new() { S = cursor.PartitionKey },
                    [SortKey] = new() { S = cursor.SortKey },
                },
            },
            cancellationToken).ConfigureAwait(false);
        var items = page.Items ?? [];
        foreach (var item in items)
        {
            if (!PooledItemKeys.BelongsTo(tenantId, item.GetValueOrDefault(PartitionKey)?.S))
            {
                throw new TierChangeRefusedException($"Table '{tableName}' holds an item that is not tenant '{tenantId.Value}''s.");
            }
        }

        var next = page.LastEvaluatedKey is { Count: > 0 } last
            ? new TenantItemCursor(0, last.GetValueOrDefault(PartitionKey)?.S, last.GetValueOrDefault(SortKey)?.S)
            : null;
        return new TenantItemPage(items, next);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> GetConsistentAsync(string tableName, List<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>(keys.Count);
        var pending = keys;
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 << Math.Min(attempt, 5))), cancellationToken).ConfigureAwait(false);
            }

            var response = await _dynamoDb.BatchGetItemAsync(
                new BatchGetItemRequest
                {
                    RequestItems = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal)
                    {
                        [tableName] = new() { Keys = pending, ConsistentRead = true },
                    },
                },
                cancellationToken).ConfigureAwait(false);
            items.AddRange(response.Responses?.GetValueOrDefault(tableName) ?? []);
            pending = response.UnprocessedKeys?.GetValueOrDefault(tableName)?.Keys ?? [];
        }

        return items;
    }
}
