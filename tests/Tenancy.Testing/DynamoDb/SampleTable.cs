using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Tenancy.Testing.DynamoDb;

/// <summary>The pooled table's key schema as the generated repositories expect it: <c>PK</c>/<c>SK</c> and <c>GSI1</c>.</summary>
public static class SampleTable
{
    public const string Name = "AppData";

    public static async Task CreateAsync(IAmazonDynamoDB client, string tableName = Name)
    {
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition("PK", ScalarAttributeType.S),
                new AttributeDefinition("SK", ScalarAttributeType.S),
                new AttributeDefinition("GSI1PK", ScalarAttributeType.S),
                new AttributeDefinition("GSI1SK", ScalarAttributeType.S),
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
            ],
        });
    }
}
