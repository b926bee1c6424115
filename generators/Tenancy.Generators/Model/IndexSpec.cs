namespace Tenancy.Generators.Model;

/// <summary>A tenant-prefixed global secondary index of the entity.</summary>
internal sealed record IndexSpec(
    string Name,
    KeyTemplate PartitionKey,
    KeyTemplate? SortKey,
    string PartitionKeyAttribute,
    string SortKeyAttribute);
