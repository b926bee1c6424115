using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Tenancy.Isolation.Usage;

/// <summary>
/// Adds the items of each successful DynamoDB response to <see cref="DataUsage.Current"/>, counted as DynamoDB counts
/// returned and written items (unprocessed batch entries are not counted: they were not written or read).
/// </summary>
internal static class DynamoDbUsageObserver
{
    public static void Attach(AmazonDynamoDBClient client) => client.AfterResponseEvent += OnResponse;

    private static void OnResponse(object sender, ResponseEventArgs e)
    {
        if (DataUsage.Current is not { } counter || e is not WebServiceResponseEventArgs { Request: var request, Response: var response })
        {
            return;
        }

        switch (response)
        {
            case GetItemResponse get:
                counter.AddRead(get.Item is { Count: > 0 } ? 1 : 0);
                break;
            case QueryResponse query:
                counter.AddRead(query.Count ?? query.Items?.Count ?? 0);
                break;
            case BatchGetItemResponse batchGet:
                counter.AddRead(batchGet.Responses?.Values.Sum(static items => (long)items.Count) ?? 0);
                break;
            case TransactGetItemsResponse transactGet:
                counter.AddRead(transactGet.Responses?.Count(static item => item.Item is { Count: > 0 }) ?? 0);
                break;
            case PutItemResponse or UpdateItemResponse or DeleteItemResponse:
                counter.AddWritten(1);
                break;
            case BatchWriteItemResponse batchWrite when request is BatchWriteItemRequest sent:
                counter.AddWritten(CountWrites(sent.RequestItems) - CountWrites(batchWrite.UnprocessedItems));
                break;
            case TransactWriteItemsResponse when request is TransactWriteItemsRequest sent:
                counter.AddWritten(sent.TransactItems?.Count(static item => item.ConditionCheck is null) ?? 0);
                break;
        }
    }

    private static long CountWrites(Dictionary<string, List<WriteRequest>>? requests) =>
        requests?.Values.Sum(static list => (long)list.Count) ?? 0;
}
