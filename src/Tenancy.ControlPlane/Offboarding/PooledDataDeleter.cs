using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation;
using Tenancy.Isolation.Repositories.Runtime;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// Deletes one tenant's items from the pooled table, a bounded amount per call, by listing its
/// <see cref="TenantShards.Count"/> shards of the keys-only <see cref="TenantShards.IndexName"/> index — never a scan,
/// never another tenant's partition. Re-running a call with the same cursor deletes nothing twice (the keys are gone
/// or deleted again as a no-op) and misses nothing (it resumes at or before where the lost call began).
/// </summary>
public sealed class PooledDataDeleter
{
    private const string PartitionKeyAttribute = "PK";
    private const string SortKeyAttribute = "SK";

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly PooledDataDeletionOptions _options;
    private readonly BatchDeleter _batches;
    private readonly TimeProvider _timeProvider;

    public PooledDataDeleter(IAmazonDynamoDB dynamoDb, PooledDataDeletionOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxItemsPerInvocation, 1);
        _dynamoDb = dynamoDb;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _batches = new BatchDeleter(dynamoDb, _timeProvider);
    }

    /// <summary>The <c>pooled-data-deletion</c> handler.</summary>
    public Task<PooledDataDeletionResult> HandleAsync(PooledDataDeletionRequest request, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TenantId.TryParse(request.TenantId, out var tenantId, out var error))
        {
            throw new InvalidDeletionRequestException($"The deletion names no valid tenant: {error}");
        }

        return DeleteAsync(tenantId, DeletionCursor.Decode(tenantId, request.Cursor), deadline, cancellationToken);
    }

    private async Task<PooledDataDeletionResult> DeleteAsync(TenantId tenantId, DeletionCursor cursor, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var skipped = 0;
        while (deleted < _options.MaxItemsPerInvocation && !NearDeadline(deadline))
        {
            var page = await _dynamoDb.QueryAsync(
                new QueryRequest
                {
                    TableName = _options.TableName,
                    IndexName = TenantShards.IndexName,
                    KeyConditionExpression = "#shard = :shard",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#shard"] = TenantShards.AttributeName },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":shard"] = new() { S = TenantShards.Key(tenantId, cursor.Shard) },
                    },
                    ExclusiveStartKey = cursor.ExclusiveStartKey(tenantId, PartitionKeyAttribute, SortKeyAttribute),
                    Limit = _options.MaxItemsPerInvocation - deleted,
                },
                cancellationToken).ConfigureAwait(false);

            var keys = new List<Dictionary<string, AttributeValue>>(page.Items?.Count ?? 0);
            foreach (var entry in page.Items ?? [])
            {
                var partitionKey = entry.GetValueOrDefault(PartitionKeyAttribute)?.S;
                var sortKey = entry.GetValueOrDefault(SortKeyAttribute)?.S;
                // The index attribute is written by generated code only, but the table key decides ownership: an
                // entry naming this tenant's shard on another tenant's item is left alone.
                if (sortKey is null || !PooledItemKeys.BelongsTo(tenantId, partitionKey))
                {
                    skipped++;
                    continue;
                }

                keys.Add(new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal)
                {
                    [PartitionKeyAttribute] = new() { S = partitionKey },
                    [SortKeyAttribute] = new() { S = sortKey },
                });
            }

            await _batches.DeleteAsync(_options.TableName, keys, cancellationToken).ConfigureAwait(false);
            deleted += keys.Count;
            var next = Advance(cursor, page.LastEvaluatedKey, keys.Count > 0);
            if (next is null)
            {
                return new PooledDataDeletionResult(tenantId.Value, null, deleted, skipped);
            }

            cursor = next;
        }

        return new PooledDataDeletionResult(tenantId.Value, cursor.Encode(), deleted, skipped);
    }

    /// <summary>The next position, or null when a whole pass over the shards deleted nothing.</summary>
    private static DeletionCursor? Advance(DeletionCursor cursor, Dictionary<string, AttributeValue>? lastEvaluatedKey, bool deletedAny)
    {
        var passDeleted = cursor.PassDeleted || deletedAny;
        if (lastEvaluatedKey is { Count: > 0 })
        {
            return new DeletionCursor(
                cursor.Shard,
                passDeleted,
                lastEvaluatedKey.GetValueOrDefault(PartitionKeyAttribute)?.S,
                lastEvaluatedKey.GetValueOrDefault(SortKeyAttribute)?.S);
        }

        if (cursor.Shard + 1 < TenantShards.Count)
        {
            return new DeletionCursor(cursor.Shard + 1, passDeleted, null, null);
        }

        // A pass that deleted something is followed by a checking pass: entries that reached the index late (its
        // propagation is asynchronous in AWS) are found there, and the deletion only ends on a clean pass.
        return passDeleted ? DeletionCursor.Start : null;
    }

    private bool NearDeadline(DateTimeOffset? deadline) =>
        deadline is { } end && end - _timeProvider.GetUtcNow() < _options.ReserveTime;
}
