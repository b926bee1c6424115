namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// A <c>[TenantRepository]</c> interface as the sources declare it: the entity it stores, the table key attributes the
/// entity names and the <c>[TenantIndex]</c> indexes the generated code writes and queries.
/// </summary>
public sealed record RepositoryDeclaration(
    string Repository,
    string Entity,
    string Location,
    string PartitionKeyAttribute,
    string SortKeyAttribute,
    IReadOnlyList<IndexDeclaration> Indexes);
