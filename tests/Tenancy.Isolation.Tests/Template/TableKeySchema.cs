namespace Tenancy.Isolation.Tests.Template;

/// <summary>The HASH and optional RANGE key attribute of a table or index in template.yaml.</summary>
public sealed record TableKeySchema(string PartitionKey, string? SortKey)
{
    public override string ToString() => SortKey is null ? $"HASH {PartitionKey}" : $"HASH {PartitionKey}, RANGE {SortKey}";
}
