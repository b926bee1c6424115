using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// Deletes keys with BatchWriteItem, 25 per request (the API's limit), retrying UnprocessedItems with exponential
/// backoff and full jitter. Deleting a key that is already gone succeeds, so a replayed batch is harmless.
/// </summary>
internal sealed class BatchDeleter(IAmazonDynamoDB dynamoDb, TimeProvider timeProvider)
{
    public const int BatchSize = 25;
    public const int MaxAttempts = 8;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task DeleteAsync(string tableName, IReadOnlyList<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(BatchSize))
        {
            await DeleteBatchAsync(tableName, chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteBatchAsync(string tableName, Dictionary<string, AttributeValue>[] keys, CancellationToken cancellationToken)
    {
        var pending = keys.Select(key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key } }).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var response = await dynamoDb.BatchWriteItemAsync(
                new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal) { [tableName] = pending } },
                cancellationToken).ConfigureAwait(false);
            if (response.UnprocessedItems is not { Count: > 0 } unprocessed || !unprocessed.TryGetValue(tableName, out var left) || left.Count == 0)
            {
                return;
            }

            if (attempt == MaxAttempts)
            {
                // The invocation fails and the state machine retries it from the same cursor: nothing is skipped.
                throw new ProvisionedThroughputExceededException(
                    $"{left.Count} deletions were still unprocessed after {MaxAttempts} attempts.");
            }

            pending = left;
            await Task.Delay(Backoff(attempt), timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
