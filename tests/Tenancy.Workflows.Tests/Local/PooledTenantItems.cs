using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation;
using Tenancy.Isolation.Repositories.Runtime;
using Tenancy.Local.Emulator;

namespace Tenancy.Workflows.Tests.Local;

/// <summary>
/// A tenant's items in the pooled AppData table, written and read raw in DynamoDB Local: laid out as the generated
/// repositories store an order (<c>PK = TENANT#&lt;id&gt;</c>, <c>SK = ORDER#&lt;id&gt;</c>, the tenant shard key).
/// </summary>
internal static class PooledTenantItems
{
    private const int BatchSize = 25;

    public static async Task WriteOrdersAsync(LocalCloud cloud, string tenantId, int count)
    {
        using var dynamoDb = TenantResourcesInCloud.RawDynamoDb(cloud);
        var partitionKey = TenantKeys.TenantPrefix + tenantId;
        var requests = Enumerable.Range(0, count).Select(i =>
        {
            var sortKey = $"ORDER#{i:D6}";
            return new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                ["PK"] = new() { S = partitionKey },
                ["SK"] = new() { S = sortKey },
                [TenantShards.AttributeName] = new() { S = TenantShards.Key(TenantId.Parse(tenantId), TenantShards.ShardOf(partitionKey, sortKey)) },
                ["Id"] = new() { S = $"{i:D6}" },
                ["Total"] = new() { N = (i * 3 + 0.5m).ToString(CultureInfo.InvariantCulture) },
                ["Status"] = new() { S = "Placed" },
                ["Version"] = new() { N = "1" },
            }));
        }).ToList();
        foreach (var batch in requests.Chunk(BatchSize))
        {
            var pending = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal) { [cloud.AppDataTableName] = [.. batch] };
            while (pending.Count > 0)
            {
                pending = (await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending })).UnprocessedItems ?? [];
            }
        }
    }

    /// <summary>Every item of the tenant in the pooled table (its partition and any <c>TENANT#&lt;id&gt;#…</c> partition), each rendered canonically, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(LocalCloud cloud, string tenantId)
    {
        using var dynamoDb = TenantResourcesInCloud.RawDynamoDb(cloud);
        var partitionKey = TenantKeys.TenantPrefix + tenantId;
        var items = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            // A scan, not the index: the check must not trust the structure the deletion itself uses.
            var page = await dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = cloud.AppDataTableName,
                ConsistentRead = true,
                FilterExpression = "PK = :pk OR begins_with(PK, :prefix)",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [":pk"] = new() { S = partitionKey },
                    [":prefix"] = new() { S = partitionKey + "#" },
                },
                ExclusiveStartKey = start,
            });
            items.AddRange(page.Items.Select(Render));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        items.Sort(StringComparer.Ordinal);
        return items;
    }

    private static string Render(Dictionary<string, AttributeValue> item) =>
        string.Join(
            ';',
            item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.S ?? a.Value.N ?? (a.Value.B is { } b ? Convert.ToBase64String(b.ToArray()) : "?")}"));
}
