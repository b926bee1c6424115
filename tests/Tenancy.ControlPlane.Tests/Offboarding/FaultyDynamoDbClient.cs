using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Tenancy.ControlPlane.Tests.Offboarding;

/// <summary>
/// The real client against DynamoDB Local, with two faults a deletion must survive: the process dying after a number
/// of BatchWriteItem calls (the invocation is lost; its cursor never returned), and DynamoDB answering part of a batch
/// as UnprocessedItems (throttling).
/// </summary>
public sealed class FaultyDynamoDbClient(Uri endpoint) : AmazonDynamoDBClient(
    new BasicAWSCredentials("local", "local"),
    new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 })
{
    private int _batchCalls;

    /// <summary>BatchWriteItem calls that succeed before every further one throws <see cref="SimulatedCrashException"/>.</summary>
    public int? CrashAfterBatches { get; init; }

    /// <summary>Every Nth BatchWriteItem call sends only the first half of its requests and returns the rest as unprocessed.</summary>
    public int? ThrottleEvery { get; init; }

    public int BatchCalls => Volatile.Read(ref _batchCalls);

    public int ThrottledCalls { get; private set; }

    public override async Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _batchCalls);
        if (CrashAfterBatches is { } crashAfter && call > crashAfter)
        {
            throw new SimulatedCrashException();
        }

        if (ThrottleEvery is { } every && call % every == 1 && request.RequestItems.Single().Value is { Count: > 1 } writes)
        {
            ThrottledCalls++;
            var table = request.RequestItems.Single().Key;
            var half = writes.Count / 2;
            await base.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = writes.Take(half).ToList() } }, cancellationToken);
            return new BatchWriteItemResponse { UnprocessedItems = new() { [table] = writes.Skip(half).ToList() } };
        }

        return await base.BatchWriteItemAsync(request, cancellationToken);
    }
}

/// <summary>Stands for the Lambda process dying mid-invocation.</summary>
public sealed class SimulatedCrashException() : Exception("simulated crash");
