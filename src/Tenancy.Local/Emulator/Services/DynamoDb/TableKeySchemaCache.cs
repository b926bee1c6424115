using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// Key attribute names per table, read with DescribeTable from DynamoDB Local and cached; the front drops an entry
/// when a table is created, deleted or updated through it. Missing tables are not cached.
/// </summary>
public sealed class TableKeySchemaCache
{
    private readonly ConcurrentDictionary<string, TableKeys> _cache = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly Uri _dynamoDbLocal;

    public TableKeySchemaCache(HttpClient http, Uri dynamoDbLocal)
    {
        _http = http;
        _dynamoDbLocal = dynamoDbLocal;
    }

    public void Invalidate(string tableName) => _cache.TryRemove(tableName, out _);

    public async Task<TableKeys?> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(tableName, out var cached))
        {
            return cached;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _dynamoDbLocal)
        {
            Content = new StringContent(new JsonObject { ["TableName"] = tableName }.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.DescribeTable");
        // DynamoDB Local (-sharedDb) parses but does not verify signatures; the front has already verified the caller's.
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var table = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))?["Table"];
        if (table is null)
        {
            return null;
        }

        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var listName in new[] { "GlobalSecondaryIndexes", "LocalSecondaryIndexes" })
        {
            foreach (var index in table[listName]?.AsArray() ?? [])
            {
                if (index?["IndexName"]?.GetValue<string>() is { } name && HashKey(index["KeySchema"]) is { } hash)
                {
                    indexes[name] = hash;
                }
            }
        }

        var keys = new TableKeys(tableName, HashKey(table["KeySchema"]) ?? throw new InvalidDataException($"DescribeTable {tableName} returned no HASH key."), indexes);
        _cache[tableName] = keys;
        return keys;
    }

    private static string? HashKey(JsonNode? keySchema) =>
        keySchema?.AsArray().FirstOrDefault(k => k?["KeyType"]?.GetValue<string>() == "HASH")?["AttributeName"]?.GetValue<string>();
}
