using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Isolation.Tests.TestSupport;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Samples;

namespace Tenancy.Isolation.Tests.Repositories;

/// <summary>Every supported stored type survives a write to and a read from DynamoDB Local unchanged.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class TypeRoundTripTests(DynamoDbLocalFixture fixture)
{
    private static readonly string[] SetProperties = ["StringSet", "NumberSet", "DecimalSet", "BinarySet", "OptionalSet"];

    private readonly TypeSampleRepository _samples = new();

    [Fact]
    public async Task Every_supported_type_round_trips_with_values()
    {
        var sample = Full(RepositoryRoundTripTests.Unique("full"));

        await _samples.UpsertAsync(fixture.ScopeA, sample);
        var read = await _samples.GetAsync(fixture.ScopeA, sample.Id);

        Assert.NotNull(read);
        Assert.Equal(Canonical(sample), Canonical(read));
    }

    [Fact]
    public async Task Defaults_nulls_and_empty_collections_round_trip()
    {
        var sample = new TypeSample(RepositoryRoundTripTests.Unique("min"));

        await _samples.UpsertAsync(fixture.ScopeA, sample);
        var read = await _samples.GetAsync(fixture.ScopeA, sample.Id);

        Assert.NotNull(read);
        Assert.Equal(Canonical(sample), Canonical(read));
        Assert.Null(read.OptionalSet);
        Assert.Empty(read.StringSet);
    }

    [Fact]
    public async Task Values_are_stored_with_the_documented_DynamoDB_types()
    {
        var sample = Full(RepositoryRoundTripTests.Unique("raw"));
        await _samples.UpsertAsync(fixture.ScopeA, sample);

        var raw = (await fixture.RawGetAsync("TENANT#tenant-a", "SAMPLE#" + sample.Id))!;

        Assert.Equal("Shipped", raw["Status"].S);
        Assert.Equal("3", raw["Permissions"].S);
        Assert.Equal("2024-02-29T23:59:59.1234567+05:30", raw["DateTimeOffset"].S);
        Assert.Equal("2024-02-29T23:59:59.1234567Z", raw["DateTime"].S);
        Assert.Equal("18446744073709551615", raw["UInt64"].N);
        Assert.True(raw["Flag"].BOOL);
        Assert.Equal(["a", "b"], raw["StringSet"].SS.Order());
        Assert.Equal(3, raw["NumberSet"].NS.Count);
        Assert.Equal(2, raw["BinarySet"].BS.Count);
        Assert.Equal(2, raw["Counts"].M.Count);
        Assert.Equal(3, raw["Nested"].L.Count);
        Assert.True(raw["NullableStrings"].L[1].NULL);
        Assert.Equal("r", raw["renamed"].S);
        Assert.False(raw.ContainsKey("Renamed"));
        Assert.False(raw.ContainsKey("OptionalText"));
        Assert.NotNull(raw["Secret"].B);
        Assert.Equal(Full("x").Secret!.Length + 1 + 28, raw["Secret"].B.Length);
    }

    private static TypeSample Full(string id) => new(id)
    {
        Text = "héllo 🌍 \"quoted\" \\ ",
        OptionalText = null,
        Flag = true,
        OptionalFlag = false,
        Byte = byte.MaxValue,
        SByte = sbyte.MinValue,
        Int16 = short.MinValue,
        UInt16 = ushort.MaxValue,
        Int32 = int.MinValue,
        UInt32 = uint.MaxValue,
        Int64 = long.MinValue,
        UInt64 = ulong.MaxValue,
        Single = 3.14159f,
        Double = 1.0 / 3,
        Decimal = decimal.MaxValue,
        OptionalInt32 = 42,
        Guid = Guid.NewGuid(),
        OptionalGuid = Guid.NewGuid(),
        DateTime = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567),
        DateTimeOffset = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(330)).AddTicks(1234567),
        TimeSpan = TimeSpan.FromTicks(-1234567890123),
        DateOnly = new DateOnly(1, 1, 1),
        TimeOnly = new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(1234567)),
        Status = OrderStatus.Shipped,
        OptionalStatus = OrderStatus.Cancelled,
        Permissions = Permissions.Read | Permissions.Write,
        Bytes = [0, 1, 255],
        OptionalBytes = [],
        Strings = ["a", "", "ü"],
        NullableStrings = ["x", null, "z"],
        Numbers = [1, -2, int.MaxValue],
        NullableNumbers = [1, null, 3],
        Nested = [[1, 2], [], [3]],
        StringSet = ["a", "b"],
        NumberSet = [1, 2, 3],
        DecimalSet = new HashSet<decimal> { 0.1m, -1.5m, 0.0000000000000000000000000001m },
        BinarySet = [[1], [2, 3]],
        OptionalSet = ["only"],
        Counts = new() { ["a"] = 1, ["b"] = -2 },
        Addresses = new Dictionary<string, Address> { ["home"] = new("1 Main St", "Springfield", "12345"), ["work"] = new("2 Side St", "Shelbyville", null) },
        Address = new Address("3 Elm St", "Ogdenville", null),
        Location = new Coordinates(1.5, -2.25),
        OptionalLocation = new Coordinates(-1.5e100, 0),
        Tree = new TreeNode { Label = "root", Children = [new TreeNode { Label = "leaf", Children = [new TreeNode { Label = "deep" }] }, new TreeNode()] },
        Renamed = "r",
        Secret = [9, 8, 7, 6],
    };

    /// <summary>Deep value of the entity as JSON with object keys sorted and set members sorted (sets have no order).</summary>
    private static string Canonical(TypeSample sample) => Sort(JsonSerializer.SerializeToNode(sample), inSet: false)!.ToJsonString();

    private static JsonNode? Sort(JsonNode? node, bool inSet) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone(), SetProperties.Contains(p.Key))))),
        JsonArray array => new JsonArray((inSet ? array.OrderBy(e => e?.ToJsonString(), StringComparer.Ordinal) : array.AsEnumerable())
            .Select(e => Sort(e?.DeepClone(), inSet: false)).ToArray()),
        _ => node?.DeepClone(),
    };
}
