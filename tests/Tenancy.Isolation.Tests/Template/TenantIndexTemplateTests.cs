using Tenancy.Isolation.Repositories.Runtime;
using Tenancy.Testing;

namespace Tenancy.Isolation.Tests.Template;

/// <summary>
/// Every <c>[TenantIndex]</c> a repository's entity declares exists in template.yaml with the key attributes the
/// generated code writes; adding an index to an entity without adding it to the template fails here, not in AWS.
/// </summary>
public sealed class TenantIndexTemplateTests
{
    private const string Usings = "using System; using Tenancy.Isolation; using Tenancy.Isolation.Repositories; namespace Shop; ";
    private const string Repository = "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); } ";
    private const string Properties = "{ public string Id { get; init; } = \"\"; public string Status { get; init; } = \"\"; public DateTimeOffset CreatedAt { get; init; } }";

    private static readonly TableDefinition TenantDataTable =
        TableDefinition.Read(CloudFormationYaml.Load(RepositoryFiles.PathOf("template.yaml")), TableDefinition.TenantDataLogicalId);

    public static TheoryData<string, string> Mismatches => new()
    {
        { "[TenantEntity(\"ITEM#{Id}\")] [TenantIndex(\"GSI9\", PartitionKey = \"STATUS#{Status}\", SortKey = \"{CreatedAt}\")]", "no GlobalSecondaryIndex 'GSI9'" },
        { "[TenantEntity(\"ITEM#{Id}\")] [TenantIndex(\"ByStatus\", PartitionKey = \"STATUS#{Status}\")]", "no GlobalSecondaryIndex 'ByStatus'" },
        { "[TenantEntity(\"ITEM#{Id}\")] [TenantIndex(\"GSI1\", PartitionKey = \"STATUS#{Status}\", SortKey = \"{CreatedAt}\", PartitionKeyAttributeName = \"StatusPK\")]", "writes (HASH StatusPK, RANGE GSI1SK)" },
        { "[TenantEntity(\"ITEM#{Id}\")] [TenantIndex(\"GSI1\", PartitionKey = \"STATUS#{Status}\")]", "writes (HASH GSI1PK) but the GlobalSecondaryIndex 'GSI1'" },
        { "[TenantEntity(\"ITEM#{Id}\", PartitionKeyAttributeName = \"pk\")]", "[TenantEntity] uses key attributes (HASH pk, RANGE SK)" },
    };

    [Fact]
    public void Every_tenant_index_of_the_repositorys_sources_has_its_global_secondary_index_in_the_template()
    {
        var declared = RepositorySourceReader.ReadFolders(RepositoryFiles.Root, "src", "samples");

        Assert.Contains(declared.Repositories, r => r is { Repository: "IOrderRepository", Entity: "Order" });
        var problems = TenantIndexTemplateCheck.Problems(declared, TenantDataTable);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_template_table_has_the_tenant_key_schema_and_global_secondary_indexes()
    {
        Assert.Equal(new TableKeySchema("PK", "SK"), TenantDataTable.KeySchema);
        Assert.NotEmpty(TenantDataTable.GlobalSecondaryIndexes);
    }

    [Fact]
    public void The_template_table_has_the_keys_only_tenant_shard_index_every_generated_write_feeds()
    {
        var index = TenantDataTable.GlobalSecondaryIndexes[TenantShards.IndexName];
        var localDefinition = Tenancy.Local.Emulator.Template.TenancyTemplate.Load(RepositoryFiles.PathOf("template.yaml")).Table(TableDefinition.TenantDataLogicalId);

        Assert.Equal(new TableKeySchema(TenantShards.AttributeName, null), index);
        Assert.Equal("S", TenantDataTable.AttributeTypes[TenantShards.AttributeName]);
        // Keys only: listing a tenant's items for deletion needs their keys, and anything more would double its storage.
        Assert.Equal("KEYS_ONLY", localDefinition.ProjectionTypeOf(TenantShards.IndexName));
    }

    [Fact]
    public void An_index_matching_the_template_passes_and_is_read_with_the_generators_default_attribute_names()
    {
        var declared = ReadSource("public static class Indexes { public const string ByStatus = \"GSI1\"; } "
            + "[TenantEntity(\"ITEM#{Id}\")] [TenantIndex(Indexes.ByStatus, PartitionKey = \"STATUS#{Status}\", SortKey = \"{CreatedAt}\")] public sealed record Item "
            + Properties + " " + Repository);

        var repository = Assert.Single(declared.Repositories);
        Assert.Equal(("IItemRepository", "Item", "PK", "SK"), (repository.Repository, repository.Entity, repository.PartitionKeyAttribute, repository.SortKeyAttribute));
        Assert.Equal([new IndexDeclaration("GSI1", "GSI1PK", "GSI1SK")], repository.Indexes);
        Assert.Empty(TenantIndexTemplateCheck.Problems(declared, TenantDataTable));
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void A_declaration_the_template_does_not_match_is_reported(string entityAttributes, string expected)
    {
        var declared = ReadSource(entityAttributes + " public sealed record Item " + Properties + " " + Repository);

        var problem = Assert.Single(TenantIndexTemplateCheck.Problems(declared, TenantDataTable));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.StartsWith("Item.cs:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_whose_entity_does_not_resolve_is_reported_not_skipped()
    {
        var declared = ReadSource("[TenantRepository(typeof(Missing))] public partial interface IItemRepository { }");

        Assert.Empty(declared.Repositories);
        var problem = Assert.Single(TenantIndexTemplateCheck.Problems(declared, TenantDataTable));
        Assert.Contains("IItemRepository", problem, StringComparison.Ordinal);
        Assert.Contains("does not resolve", problem, StringComparison.Ordinal);
    }

    private static DeclaredRepositories ReadSource(string declarations) =>
        RepositorySourceReader.Read([("Item.cs", Usings + declarations)]);
}
