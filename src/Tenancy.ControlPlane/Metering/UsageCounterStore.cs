using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// Adds a delivery's tenant-hour groups into their counters, each exactly once: a group's counter update and a marker
/// named after its log event ids commit in one transaction, and the marker may not exist yet. A redelivered batch
/// (CloudWatch Logs subscriptions and EMF are at-least-once) meets its marker and adds nothing.
/// </summary>
public sealed class UsageCounterStore(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider clock)
{
    // Redeliveries come within hours; markers outlive them by far, then TTL removes them.
    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(14);

    // Deliveries for the same tenant-hour race on its counter; DynamoDB cancels one of two overlapping transactions.
    private const int MaxConflictRetries = 12;

    public async Task<GroupOutcome> AddAsync(UsageGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var batchId = BatchId(group.EventIds);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TryAddAsync(group, batchId, cancellationToken).ConfigureAwait(false);
            }
            catch (TransactionCanceledException conflict) when (attempt < MaxConflictRetries && IsConflict(conflict))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * (attempt + 1)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<GroupOutcome> TryAddAsync(UsageGroup group, string batchId, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.TransactWriteItemsAsync(Transaction(group, batchId, late: false), cancellationToken).ConfigureAwait(false);
            return GroupOutcome.Counted;
        }
        catch (TransactionCanceledException canceled) when (IsConditionFailure(canceled, 0))
        {
            return GroupOutcome.Duplicate;
        }
        catch (TransactionCanceledException canceled) when (IsConditionFailure(canceled, 1))
        {
            // The hour was billed already: the usage is kept apart as late, for operators to see, never added to a closed bill.
            try
            {
                await dynamoDb.TransactWriteItemsAsync(Transaction(group, batchId, late: true), cancellationToken).ConfigureAwait(false);
                return GroupOutcome.Late;
            }
            catch (TransactionCanceledException again) when (IsConditionFailure(again, 0))
            {
                return GroupOutcome.Duplicate;
            }
        }
    }

    /// <summary>The batch identity: a hash of the group's sorted event ids.</summary>
    public static string BatchId(IEnumerable<string> eventIds)
    {
        var joined = string.Join('\n', eventIds.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..32];
    }

    private TransactWriteItemsRequest Transaction(UsageGroup group, string batchId, bool late)
    {
        var partition = MeteringTableLayout.UsageKey(group.TenantId, group.Hour);
        var expires = clock.GetUtcNow().Add(MarkerLifetime).ToUnixTimeSeconds();
        var values = new Dictionary<string, AttributeValue>
        {
            [":one"] = Number(1),
            [":hour"] = new AttributeValue { S = group.Hour.ToString() },
            [":tenant"] = new AttributeValue { S = group.TenantId },
            [":tier"] = new AttributeValue { S = group.Tier },
        };
        // Every attribute goes through a name placeholder: several (Hour among them) are DynamoDB reserved words.
        var names = new Dictionary<string, string>
        {
            ["#hour"] = MeteringTableLayout.Hour,
            ["#tenant"] = MeteringTableLayout.TenantId,
            ["#tier"] = MeteringTableLayout.Tier,
            ["#batches"] = MeteringTableLayout.Batches,
        };
        var adds = new List<string> { "#batches :one" };
        var quantities = MeteringTableLayout.Values(group.Totals);
        for (var i = 0; i < quantities.Length; i++)
        {
            names[$"#q{i}"] = (late ? "Late" : string.Empty) + MeteringTableLayout.Quantities[i];
            adds.Add($"#q{i} :q{i}");
            values[$":q{i}"] = Number(quantities[i]);
        }

        var update = new Update
        {
            TableName = tableName,
            Key = Key(partition, MeteringTableLayout.CounterSortKey),
            UpdateExpression = $"SET #hour = :hour, #tenant = :tenant, #tier = :tier ADD {string.Join(", ", adds)}",
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
        if (!late)
        {
            update.ConditionExpression = "attribute_not_exists(#closed)";
            names["#closed"] = MeteringTableLayout.ClosedAt;
        }

        return new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem
                {
                    Put = new Put
                    {
                        TableName = tableName,
                        Item = new Dictionary<string, AttributeValue>(Key(partition, MeteringTableLayout.BatchSortKey(batchId)))
                        {
                            [MeteringTableLayout.ExpiresAt] = Number(expires),
                        },
                        ConditionExpression = $"attribute_not_exists({MeteringTableLayout.PartitionKey})",
                    },
                },
                new TransactWriteItem { Update = update },
            ],
        };
    }

    private static bool IsConflict(TransactionCanceledException canceled) =>
        canceled.CancellationReasons is { } reasons && reasons.Any(static reason => reason.Code == "TransactionConflict");

    private static bool IsConditionFailure(TransactionCanceledException canceled, int index) =>
        canceled.CancellationReasons is { } reasons && reasons.Count > index && reasons[index].Code == "ConditionalCheckFailed";

    internal static Dictionary<string, AttributeValue> Key(string partition, string sort) => new()
    {
        [MeteringTableLayout.PartitionKey] = new AttributeValue { S = partition },
        [MeteringTableLayout.SortKey] = new AttributeValue { S = sort },
    };

    internal static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
