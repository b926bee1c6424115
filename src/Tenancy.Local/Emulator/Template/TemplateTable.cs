namespace Tenancy.Local.Emulator.Template;

/// <summary>A DynamoDB table from the template: name, key schema and global secondary indexes.</summary>
public sealed record TemplateTable(
    string LogicalId,
    string TableName,
    IReadOnlyDictionary<string, string> AttributeTypes,
    TemplateKeySchema KeySchema,
    IReadOnlyDictionary<string, TemplateKeySchema> GlobalSecondaryIndexes)
{
    /// <summary>Each index's <c>ProjectionType</c> (<c>ALL</c>, <c>KEYS_ONLY</c>); an index not listed projects <c>ALL</c>.</summary>
    public IReadOnlyDictionary<string, string> IndexProjectionTypes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The projection type of <paramref name="indexName"/>.</summary>
    public string ProjectionTypeOf(string indexName) => IndexProjectionTypes.GetValueOrDefault(indexName) ?? "ALL";
}

/// <summary>A partition key and optional sort key.</summary>
public sealed record TemplateKeySchema(string PartitionKey, string? SortKey);
