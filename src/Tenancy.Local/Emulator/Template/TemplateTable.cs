namespace Tenancy.Local.Emulator.Template;

/// <summary>A DynamoDB table from the template: name, key schema and global secondary indexes.</summary>
public sealed record TemplateTable(
    string LogicalId,
    string TableName,
    IReadOnlyDictionary<string, string> AttributeTypes,
    TemplateKeySchema KeySchema,
    IReadOnlyDictionary<string, TemplateKeySchema> GlobalSecondaryIndexes);

/// <summary>A partition key and optional sort key.</summary>
public sealed record TemplateKeySchema(string PartitionKey, string? SortKey);
