using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// Copies one page of a tenant's items to the target table with BatchWriteItem puts, re-sealing encrypted attributes
/// for the target table. Puts are idempotent, so a page copied twice (a retried invocation) leaves the same items.
/// </summary>
internal sealed class TenantItemCopier
{
    private const int BatchWriteLimit = 25;

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly TenantFieldRebinder _rebinder;

    public TenantItemCopier(IAmazonDynamoDB dynamoDb, TenantFieldRebinder rebinder)
    {
        _dynamoDb = dynamoDb;
        _rebinder = rebinder;
    }

    public async Task CopyAsync(TenantId tenantId, string sourceTable, string targetTable, IReadOnlyList<Dictionary<string, AttributeValue>> items, CancellationToken cancellationToken)
    {
        var writes = new List<WriteRequest>(items.Count);
        foreach (var item in items)
        {
            writes.Add(new WriteRequest { PutRequest = new PutRequest { Item = await RebindAsync(tenantId, sourceTable, targetTable, item, cancellationToken).ConfigureAwait(false) } });
        }

        foreach (var chunk in writes.Chunk(BatchWriteLimit))
        {
            await WriteAllAsync(targetTable, [.. chunk], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<string, AttributeValue>> RebindAsync(TenantId tenantId, string sourceTable, string targetTable, Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        var partitionKey = item.GetValueOrDefault("PK")?.S ?? string.Empty;
        var sortKey = item.GetValueOrDefault("SK")?.S ?? string.Empty;
        var copy = new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal);
        foreach (var (name, value) in item)
        {
            if (value.B is { } stream
                && await _rebinder.TryOpenAsync(tenantId, sourceTable, partitionKey, sortKey, name, stream.ToArray(), cancellationToken).ConfigureAwait(false) is { } plaintext)
            {
                var sealedValue = await _rebinder.SealAsync(tenantId, targetTable, partitionKey, sortKey, name, plaintext, cancellationToken).ConfigureAwait(false);
                copy[name] = new AttributeValue { B = new MemoryStream(sealedValue) };
            }
        }

        return copy;
    }

    private async Task WriteAllAsync(string tableName, List<WriteRequest> writes, CancellationToken cancellationToken)
    {
        for (var attempt = 0; writes.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 << Math.Min(attempt, 5))), cancellationToken).ConfigureAwait(false);
            }

            var response = await _dynamoDb.BatchWriteItemAsync(
                new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal) { [tableName] = writes } },
                cancellationToken).ConfigureAwait(false);
            writes = response.UnprocessedItems?.GetValueOrDefault(tableName) ?? [];
        }
    }
}
