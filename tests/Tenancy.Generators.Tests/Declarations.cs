namespace Tenancy.Generators.Tests;

/// <summary>
/// Repository declarations the generator and the TNT analyzers must agree on: every invalid one gets at least one
/// TNT error and no generated code; every valid one gets no TNT diagnostic and a compiling implementation. The
/// invalid ones collect the generator's former skip cases and the analyzer rule tests' cases, each wrapped in a
/// repository so that the generator has something to implement.
/// </summary>
internal static class Declarations
{
    private const string ItemRepository = """
        [TenantRepository(typeof(Item))]
        public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }
        """;

    private const string Item = """
        [TenantEntity("ITEM#{Id}")]
        public sealed record Item(string Id, string Name);

        """;

    public static readonly IReadOnlyDictionary<string, string> Invalid = new Dictionary<string, string>
    {
        // Repository interfaces and methods.
        ["not partial"] = Item + "[TenantRepository(typeof(Item))] public interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }",
        ["generic repository"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository<T> { Task<Item?> GetAsync(TenantScope scope, string id); }",
        ["nested repository"] = Item + "public static class Outer { [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); } }",
        ["inherited interface"] = Item + "public interface IBase { } [TenantRepository(typeof(Item))] public partial interface IItemRepository : IBase { Task<Item?> GetAsync(TenantScope scope, string id); }",
        ["property on the repository"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); int Count { get; } }",
        ["method with a body"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); Task<bool> DeleteAsync(TenantScope scope, string id) => Task.FromResult(false); }",
        ["overloaded method"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); Task<Item?> GetAsync(TenantScope scope, string id, CancellationToken cancellationToken); }",
        ["method without scope"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(string id); }",
        ["scope not first"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<bool> DeleteAsync(string id, TenantScope scope); }",
        ["unknown method prefix"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> FetchAsync(TenantScope scope, string id); }",
        ["get returns non-nullable"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item> GetAsync(TenantScope scope, string id); }",
        ["key parameter missing"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope); }",
        ["key parameter misnamed"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string itemId); }",
        ["key parameter of wrong type"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, int id); }",
        ["update without the entity"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item> UpdateAsync(TenantScope scope, string id); }",
        ["query without page"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Page<Item>> QueryAsync(TenantScope scope); }",
        ["query on unknown index"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { [QueryIndex(\"GSI9\")] Task<Page<Item>> QueryAsync(TenantScope scope, PageRequest page); }",
        ["sort condition on an index without sort key"] = "[TenantEntity(\"ITEM#{Id}\")] [TenantIndex(\"ByName\", PartitionKey = \"NAME#{Name}\")] public sealed record Item(string Id, string Name); [TenantRepository(typeof(Item))] public partial interface IItemRepository { [QueryIndex(\"ByName\")] Task<Page<Item>> QueryByNameAsync(TenantScope scope, string name, SortKeyCondition? condition, PageRequest page); }",
        ["query index on a get"] = "[TenantEntity(\"ITEM#{Id}\")] [TenantIndex(\"ByName\", PartitionKey = \"NAME#{Name}\")] public sealed record Item(string Id, string Name); [TenantRepository(typeof(Item))] public partial interface IItemRepository { [QueryIndex(\"ByName\")] Task<Item?> GetAsync(TenantScope scope, string id); }",
        ["synchronous method"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Item? GetAsync(TenantScope scope, string id); }",
        ["cancellation token not last"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<bool> DeleteAsync(TenantScope scope, string id, CancellationToken cancellationToken, int extra); }",
        ["batch get with two key values"] = "[TenantEntity(\"ITEM#{Id}#{Part}\")] public sealed record Item(string Id, string Part); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<IReadOnlyList<Item>> BatchGetAsync(TenantScope scope, IEnumerable<string> ids); }",
        ["batch get with keys of the wrong type"] = Item + "[TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<IReadOnlyList<Item>> BatchGetAsync(TenantScope scope, IEnumerable<int> ids); }",
        ["entity without TenantEntity"] = "public sealed record Item(string Id); " + ItemRepository,

        // Entity shape and stored properties.
        ["abstract entity"] = "[TenantEntity(\"ITEM#{Id}\")] public abstract record Item(string Id); " + ItemRepository,
        ["unsupported property type"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id, object Payload); " + ItemRepository,
        ["untyped collection"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public System.Collections.ArrayList Untyped { get; set; } = new(); } " + ItemRepository,
        ["map with number keys"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public Dictionary<int, string> ByNumber { get; set; } = new(); } " + ItemRepository,
        ["set of booleans"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public HashSet<bool> Flags { get; set; } = new(); } " + ItemRepository,
        ["set of nullable strings"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public HashSet<string?> Tags { get; set; } = new(); } " + ItemRepository,
        ["generic nested type"] = "public sealed class Holder<T> { public T? Value { get; set; } } [TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public Holder<int>? Generic { get; set; } } " + ItemRepository,
        ["library type as nested object"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public TenantPlacement? Placement { get; set; } } " + ItemRepository,
        ["nested type that cannot be restored"] = "public sealed class Part { public Part(int size) { } public string Name { get; set; } = \"\"; } [TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public Part? Part { get; set; } } " + ItemRepository,
        ["encrypted number"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [Encrypted] public int Pin { get; init; } } " + ItemRepository,
        ["version not long"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [ConcurrencyVersion] public int Version { get; init; } } " + ItemRepository,
        ["two versions"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [ConcurrencyVersion] public long Version { get; init; } [ConcurrencyVersion] public long Other { get; init; } } " + ItemRepository,
        ["two properties stored under one name"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [StoredName(\"Name\")] public string Alias { get; init; } = \"\"; public string Name { get; init; } = \"\"; } " + ItemRepository,
        ["empty stored name"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [StoredName(\" \")] public string Name { get; init; } = \"\"; } " + ItemRepository,
        ["stored name clashes with a key attribute"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [StoredName(\"PK\")] public string Name { get; init; } = \"\"; } " + ItemRepository,
        ["stored name clashes with the sort key attribute"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { [StoredName(\"SK\")] public string Name { get; init; } = \"\"; } " + ItemRepository,
        ["same partition and sort key attribute"] = "[TenantEntity(\"ITEM#{Id}\", SortKeyAttributeName = \"PK\")] public sealed record Item(string Id); " + ItemRepository,
        ["property without a public way to restore it and required"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed class Item { public Item(int x) { } public string Id { get; set; } = \"\"; } " + ItemRepository,
        ["not stored constructor parameter"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id, [property: NotStored] string Cache); " + ItemRepository,

        // Key templates.
        ["template places the tenant"] = "[TenantEntity(\"ITEM#{Id}\", PartitionKey = \"TENANT#{Owner}\")] public sealed record Item(string Id, string Owner); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string owner, string id); }",
        ["sort key is the tenant segment"] = Template("TENANT#{Id}"),
        ["lower-case tenant segment"] = Template("ITEM#tenant#{Id}"),
        ["tenant placeholder"] = "[TenantEntity(\"ITEM#{TenantId}\")] public sealed record Item(string Id, string TenantId); " + ItemRepository,
        ["empty leading segment"] = Template("#ITEM#{Id}"),
        ["placeholder not a whole segment"] = Template("ITEM{Id}"),
        ["literal before a placeholder in one segment"] = Template("ITEM#x{Id}"),
        ["unclosed placeholder"] = Template("ITEM#{Id"),
        ["unopened placeholder"] = Template("ITEM#Id}"),
        ["empty template"] = Template(""),
        ["empty segment"] = Template("ITEM##{Id}"),
        ["trailing delimiter"] = Template("ITEM#{Id}#"),
        ["sort key without literal prefix"] = Template("{Id}"),
        ["unknown placeholder"] = "[TenantEntity(\"ITEM#{Nope}\")] public sealed record Item(string Id); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string nope); }",
        ["computed property as placeholder"] = "[TenantEntity(\"ITEM#{Key}\")] public sealed record Item(string Id) { public string Key => Id; } [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string key); }",
        ["nullable key value"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string? Id); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); }",
        ["decimal key value"] = "[TenantEntity(\"ITEM#{Amount}\")] public sealed record Item(decimal Amount); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, decimal amount); }",
        ["encrypted key value"] = "[TenantEntity(\"ITEM#{Secret}\")] public sealed record Item { [Encrypted] public string Secret { get; init; } = \"\"; } [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string secret); }",
        ["version key value"] = "[TenantEntity(\"ITEM#{Version}\")] public sealed record Item { [ConcurrencyVersion] public long Version { get; init; } } [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, long version); }",

        // Tenant indexes.
        ["index placing the tenant"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"TENANT#x\")]"),
        ["index with an empty leading segment"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"#NAME#{Name}\")]"),
        ["index partition key is the tenant"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"Tenant\")]"),
        ["index sort key is the tenant"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"NAME\", SortKey = \"{TenantId}\")]"),
        ["index name too short"] = Index("[TenantIndex(\"G\", PartitionKey = \"NAME#{Name}\")]"),
        ["index declared twice"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"NAME#{Name}\")] [TenantIndex(\"GSI1\", PartitionKey = \"X\", PartitionKeyAttributeName = \"Other\")]"),
        ["index partitions on a stored attribute"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"NAME#{Name}\", PartitionKeyAttributeName = \"Name\")]"),
        ["index partitions on the table key"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"NAME#{Name}\", PartitionKeyAttributeName = \"PK\")]"),
        ["index partitions on its own sort attribute"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"NAME\", SortKey = \"{Id}\", PartitionKeyAttributeName = \"GSI1SK\")]"),
        ["index partitions on a blank attribute"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"NAME\", PartitionKeyAttributeName = \" \")]"),
        ["index partitions on another index's attribute"] = Index("[TenantIndex(\"Status\", PartitionKey = \"S\")] [TenantIndex(\"Other\", PartitionKey = \"X\", PartitionKeyAttributeName = \"StatusPK\")]"),
        ["index sorts on a stored attribute"] = Index("[TenantIndex(\"GSI1\", PartitionKey = \"NAME\", SortKey = \"{Id}\", SortKeyAttributeName = \"Name\")]"),
    };

    public static readonly IReadOnlyDictionary<string, string> Valid = new Dictionary<string, string>
    {
        ["orders"] = Scenarios.Orders,
        ["memos"] = Scenarios.Memos,
        ["all types"] = Scenarios.AllTypes,
        ["literal segment that only starts like the tenant"] = Template("TENANTS#{Id}"),
        ["tenant-like word inside a segment"] = Template("ITEM#TENANTED#{Id}"),
        ["tenant-like partition key"] = "[TenantEntity(\"ITEM#{Id}\", PartitionKey = \"TENANTS#{Owner}\")] public sealed record Item(string Id, string Owner); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string owner, string id); }",
        ["index without sort key"] = Index("[TenantIndex(\"GSI2\")]"),
        ["index on a placeholder only"] = Index("[TenantIndex(\"GSI3\", PartitionKey = \"{Name}\")]"),
        ["computed property that is not stored"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public object Computed => Id; } " + ItemRepository,
        ["recursive nested type"] = "public sealed class Node { public Node? Next { get; set; } } [TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public Node? Root { get; set; } } " + ItemRepository,
        ["set of non-nullable strings"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public HashSet<string> Tags { get; set; } = new(); } " + ItemRepository,
        ["list of nullable strings"] = "[TenantEntity(\"ITEM#{Id}\")] public sealed record Item(string Id) { public List<string?> Tags { get; set; } = new(); } " + ItemRepository,
        ["struct entity"] = "[TenantEntity(\"ITEM#{Id}\")] public record struct Item(string Id, int Size); [TenantRepository(typeof(Item))] public partial interface IItemRepository { Task<Item?> GetAsync(TenantScope scope, string id); Task<Item> UpsertAsync(TenantScope scope, Item item); }",
        ["query on an index with a sort condition"] = "[TenantEntity(\"ITEM#{Id}\")] [TenantIndex(\"ByName\", PartitionKey = \"NAME#{Name}\", SortKey = \"{Id}\")] public sealed record Item(string Id, string Name); [TenantRepository(typeof(Item))] public partial interface IItemRepository { [QueryIndex(\"ByName\")] Task<Page<Item>> QueryByNameAsync(TenantScope scope, string name, SortKeyCondition? condition, PageRequest page); }",
    };

    private static string Template(string sortKey) =>
        $$"""[TenantEntity("{{sortKey}}")] public sealed record Item(string Id); """ + ItemRepository;

    private static string Index(string index) =>
        "[TenantEntity(\"ITEM#{Id}\")] " + index + " public sealed record Item(string Id, string Name) { public string TenantId { get; init; } = \"\"; } " + ItemRepository;

    public static TheoryData<string> InvalidNames => new(Invalid.Keys);

    public static TheoryData<string> ValidNames => new(Valid.Keys);
}
