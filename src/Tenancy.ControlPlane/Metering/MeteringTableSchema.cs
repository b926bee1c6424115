using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.ControlPlane.Metering;

/// <summary>
/// The metering table as template.yaml declares it (a test keeps the two in agreement), for the local cloud and tests.
/// The ByHour index is keys-only: the closer re-reads each counter consistently before billing it.
/// </summary>
public static class MeteringTableSchema
{
    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(MeteringTableLayout.PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(MeteringTableLayout.SortKey, ScalarAttributeType.S),
            new AttributeDefinition(MeteringTableLayout.Hour, ScalarAttributeType.S),
            new AttributeDefinition(MeteringTableLayout.TenantId, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(MeteringTableLayout.PartitionKey, KeyType.HASH),
            new KeySchemaElement(MeteringTableLayout.SortKey, KeyType.RANGE),
        ],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = MeteringTableLayout.ByHourIndex,
                KeySchema =
                [
                    new KeySchemaElement(MeteringTableLayout.Hour, KeyType.HASH),
                    new KeySchemaElement(MeteringTableLayout.TenantId, KeyType.RANGE),
                ],
                Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
            },
        ],
    };
}
