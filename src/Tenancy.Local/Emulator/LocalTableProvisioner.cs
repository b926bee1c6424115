using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.Local.Emulator.Template;

namespace Tenancy.Local.Emulator;

/// <summary>Creates DynamoDB tables as the template declares them (on-demand, each GSI with the template's projection).</summary>
public static class LocalTableProvisioner
{
    public static async Task CreateAsync(IAmazonDynamoDB dynamoDb, TemplateTable definition, string tableName, CancellationToken cancellationToken)
    {
        var keyAttributes = new[] { definition.KeySchema }
            .Concat(definition.GlobalSecondaryIndexes.Values)
            .SelectMany(k => new[] { k.PartitionKey, k.SortKey })
            .Where(a => a is not null)
            .Select(a => a!)
            .Distinct(StringComparer.Ordinal);

        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = keyAttributes.Select(a => new AttributeDefinition(a, new ScalarAttributeType(definition.AttributeTypes[a]))).ToList(),
            KeySchema = KeySchema(definition.KeySchema),
        };
        if (definition.GlobalSecondaryIndexes.Count > 0)
        {
            request.GlobalSecondaryIndexes = definition.GlobalSecondaryIndexes
                .Select(i => new GlobalSecondaryIndex { IndexName = i.Key, KeySchema = KeySchema(i.Value), Projection = new Projection { ProjectionType = new ProjectionType(definition.ProjectionTypeOf(i.Key)) } })
                .ToList();
        }

        await dynamoDb.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static List<KeySchemaElement> KeySchema(TemplateKeySchema keys)
    {
        var schema = new List<KeySchemaElement> { new(keys.PartitionKey, KeyType.HASH) };
        if (keys.SortKey is not null)
        {
            schema.Add(new KeySchemaElement(keys.SortKey, KeyType.RANGE));
        }

        return schema;
    }
}
