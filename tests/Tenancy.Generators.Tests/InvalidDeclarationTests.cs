namespace Tenancy.Generators.Tests;

/// <summary>Invalid declarations produce no output and no exception; the TNT analyzers report them instead.</summary>
public class InvalidDeclarationTests
{
    private const string Entity = """
        namespace Bad;

        [TenantEntity("ITEM#{Id}")]
        public sealed record Item(string Id, string Name);

        """;

    public static TheoryData<string, string> Declarations => new()
    {
        { "not partial", Entity + "[TenantRepository(typeof(Item))] public interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "method without scope", Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(string id); }" },
        { "unknown method prefix", Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> FetchAsync(TenantScope scope, string id); }" },
        { "get returns non-nullable", Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item> GetAsync(TenantScope scope, string id); }" },
        { "key parameter missing", Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope); }" },
        { "key parameter of wrong type", Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, int id); }" },
        { "query without page", Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Page<Item>> QueryAsync(TenantScope scope); }" },
        { "query on unknown index", Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { [QueryIndex(\"GSI9\")] Task<Page<Item>> QueryAsync(TenantScope scope, PageRequest page); }" },
        { "synchronous method", Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Item? GetAsync(TenantScope scope, string id); }" },
        { "entity without TenantEntity", "namespace Bad; public sealed record Item(string Id); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "template places the tenant", "namespace Bad; [TenantEntity(\"ITEM#{Id}\", PartitionKey = \"TENANT#{Owner}\")] public sealed record Item(string Id, string Owner); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id, string owner); }" },
        { "placeholder not a whole segment", "namespace Bad; [TenantEntity(\"ITEM{Id}\")] public sealed record Item(string Id); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "sort key without literal prefix", "namespace Bad; [TenantEntity(\"{Id}\")] public sealed record Item(string Id); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "unknown placeholder", "namespace Bad; [TenantEntity(\"ITEM#{Nope}\")] public sealed record Item(string Id); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string nope); }" },
        { "unsupported property type", "namespace Bad; [TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id, object Payload); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "encrypted number", "namespace Bad; [TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [Encrypted] public int Pin { get; init; } } [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "version not long", "namespace Bad; [TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [ConcurrencyVersion] public int Version { get; init; } } [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "index placing the tenant", "namespace Bad; [TenantEntity(\"ITEM#{Id}\")] [TenantIndex(\"GSI1\", PartitionKey = \"TENANT#x\")] public sealed record Item(string Id); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "stored name clashes with a key attribute", "namespace Bad; [TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [StoredName(\"PK\")] public string Name { get; init; } = \"\"; } [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
        { "batch get with two key values", "namespace Bad; [TenantEntity(\"ITEM#{Id}#{Part}\")] public sealed record Item(string Id, string Part); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<IReadOnlyList<Item>> BatchGetAsync(TenantScope scope, IEnumerable<string> ids); }" },
        { "property without a public way to restore it and required", "namespace Bad; [TenantEntity(\"ITEM#{Id}\")] public sealed class Item { public Item(int x) { } public string Id { get; set; } = \"\"; } [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Invalid_declaration_produces_no_output_and_no_exception(string why, string source)
    {
        var compilation = GeneratorHarness.Compile(Scenarios.Usings, source);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.Empty(diagnostics);
        Assert.True(result.GeneratedSources.IsEmpty, $"{why}: the generator emitted {result.GeneratedSources.Length} files.");
    }

    [Fact]
    public void A_valid_declaration_next_to_an_invalid_one_is_still_generated()
    {
        var compilation = GeneratorHarness.Compile(
            Scenarios.Usings,
            Scenarios.Memos,
            Entity + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> FetchAsync(TenantScope scope, string id); }");
        var (result, output) = GeneratorHarness.Run(compilation);

        Assert.Equal(2, result.GeneratedTrees.Length);
        Assert.All(result.GeneratedTrees, t => Assert.Contains("MemoRepository", t.FilePath, StringComparison.Ordinal));
        Assert.DoesNotContain(GeneratorHarness.Problems(output), p => p.Contains(".g.cs", StringComparison.Ordinal));
    }
}
