namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// One <c>[TenantIndex]</c> of an entity: the index name and the key attributes the generator writes on every put.
/// <see cref="SortKeyAttribute"/> is null when the declaration has no sort key template, because then the generator
/// writes no sort key attribute at all.
/// </summary>
public sealed record IndexDeclaration(string Name, string PartitionKeyAttribute, string? SortKeyAttribute);
