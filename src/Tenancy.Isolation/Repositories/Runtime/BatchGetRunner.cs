using System.ComponentModel;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Isolation.Repositories.Runtime;

/// <summary>
/// Runs BatchGetItem for any number of keys: removes duplicates (DynamoDB rejects them), sends chunks of 100,
/// retries unprocessed keys with exponential backoff and returns the found items in the order of the keys.
/// Keys still unprocessed after the last attempt throw rather than return a partial result.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchGetRunner
{
    /// <summary>The most keys DynamoDB accepts in one BatchGetItem request.</summary>
    public const int MaxKeysPerRequest = 100;
    /// <summary>How many times unprocessed keys are retried before the batch fails.</summary>
    public const int MaxAttempts = 8;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    /// <summary>Reads the items for <paramref name="keys"/> in chunks, retrying unprocessed keys with backoff.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> GetAsync(
        IAmazonDynamoDB client,
        string tableName,
        IReadOnlyList<Dictionary<string, AttributeValue>> keys,
        string partitionKeyAttribute,
        string sortKeyAttribute,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(keys);
        var order = new List<string>(keys.Count);
        var unique = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var identity = Identity(key, partitionKeyAttribute, sortKeyAttribute);
            if (unique.TryAdd(identity, key))
            {
                order.Add(identity);
            }
        }

        var found = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        var pending = new List<Dictionary<string, AttributeValue>>(unique.Values);
        for (var start = 0; start < pending.Count; start += MaxKeysPerRequest)
        {
            var chunk = pending.GetRange(start, Math.Min(MaxKeysPerRequest, pending.Count - start));
            await GetChunkAsync(client, tableName, chunk, partitionKeyAttribute, sortKeyAttribute, found, cancellationToken).ConfigureAwait(false);
        }

        var items = new List<Dictionary<string, AttributeValue>>(found.Count);
        foreach (var identity in order)
        {
            if (found.TryGetValue(identity, out var item))
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static async Task GetChunkAsync(
        IAmazonDynamoDB client,
        string tableName,
        List<Dictionary<string, AttributeValue>> chunk,
        string partitionKeyAttribute,
        string sortKeyAttribute,
        Dictionary<string, Dictionary<string, AttributeValue>> found,
        CancellationToken cancellationToken)
    {
        var remaining = chunk;
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.BatchGetItemAsync(
                new BatchGetItemRequest
                {
                    RequestItems = new Dictionary<string, KeysAndAttributes>
                    {
                        [tableName] = new KeysAndAttributes { Keys = remaining, ConsistentRead = true },
                    },
                },
                cancellationToken).ConfigureAwait(false);

            if (response.Responses is not null && response.Responses.TryGetValue(tableName, out var items) && items is not null)
            {
                foreach (var item in items)
                {
                    found[Identity(item, partitionKeyAttribute, sortKeyAttribute)] = item;
                }
            }

            if (response.UnprocessedKeys is null || !response.UnprocessedKeys.TryGetValue(tableName, out var unprocessed) || unprocessed.Keys is not { Count: > 0 })
            {
                return;
            }

            if (attempt == MaxAttempts)
            {
                throw new ProvisionedThroughputExceededException($"BatchGetItem left {unprocessed.Keys.Count} keys unprocessed after {MaxAttempts} attempts.");
            }

            remaining = unprocessed.Keys;
            await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private static string Identity(Dictionary<string, AttributeValue> key, string partitionKeyAttribute, string sortKeyAttribute) =>
        string.Concat(key[partitionKeyAttribute].S, "\n", key[sortKeyAttribute].S);
}
