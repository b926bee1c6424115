using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation.Repositories.Runtime;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>
/// Creates and deletes a tenant's silo table, with the key schema and indexes of the pooled table (generated code
/// writes the same keys and index attributes in both). Both are idempotent so a retried step is harmless.
/// </summary>
internal sealed class SiloTables
{
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly TimeProvider _time;

    public SiloTables(IAmazonDynamoDB dynamoDb, TimeProvider time)
    {
        _dynamoDb = dynamoDb;
        _time = time;
    }

    /// <summary>Creates <paramref name="tableName"/> when absent; true once it is ACTIVE (else call again).</summary>
    public async Task<bool> EnsureActiveAsync(string tableName, string tenantId, string kmsKeyId, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        try
        {
            await _dynamoDb.CreateTableAsync(Definition(tableName, tenantId, kmsKeyId), cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Created by an earlier attempt.
        }

        while (true)
        {
            var table = await _dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            if (table.Table.TableStatus == TableStatus.ACTIVE && (table.Table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE))
            {
                return true;
            }

            if (deadline is { } end && end - _time.GetUtcNow() < TimeSpan.FromSeconds(10))
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes <paramref name="tableName"/>; absent already counts as deleted.</summary>
    public async Task DeleteAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await _dynamoDb.DeleteTableAsync(new DeleteTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceNotFoundException)
        {
            // Never created, or deleted by an earlier attempt.
        }
    }

    private static CreateTableRequest Definition(string tableName, string tenantId, string kmsKeyId) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition("PK", ScalarAttributeType.S),
            new AttributeDefinition("SK", ScalarAttributeType.S),
            new AttributeDefinition("GSI1PK", ScalarAttributeType.S),
            new AttributeDefinition("GSI1SK", ScalarAttributeType.S),
            new AttributeDefinition(TenantShards.AttributeName, ScalarAttributeType.S),
        ],
        KeySchema = [new KeySchemaElement("PK", KeyType.HASH), new KeySchemaElement("SK", KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = "GSI1",
                KeySchema = [new KeySchemaElement("GSI1PK", KeyType.HASH), new KeySchemaElement("GSI1SK", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
            new GlobalSecondaryIndex
            {
                IndexName = TenantShards.IndexName,
                KeySchema = [new KeySchemaElement(TenantShards.AttributeName, KeyType.HASH)],
                Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
            },
        ],
        // Encrypted at rest under the tenant's own key, as onboarding creates silo tables.
        SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS, KMSMasterKeyId = kmsKeyId },
        Tags = [new Tag { Key = "TenantID", Value = tenantId }],
    };
}
