namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>A table's partition key attribute and the partition key of each of its indexes (from DescribeTable).</summary>
public sealed record TableKeys(string TableName, string PartitionKey, IReadOnlyDictionary<string, string> IndexPartitionKeys);
