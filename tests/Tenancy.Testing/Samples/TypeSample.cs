using Tenancy.Isolation.Repositories;

namespace Tenancy.Testing.Samples;

/// <summary>Every supported stored type, for round-trip tests.</summary>
[TenantEntity("SAMPLE#{Id}")]
public sealed record TypeSample(string Id)
{
    public string Text { get; init; } = string.Empty;
    public string? OptionalText { get; init; }
    public bool Flag { get; init; }
    public bool? OptionalFlag { get; init; }
    public byte Byte { get; init; }
    public sbyte SByte { get; init; }
    public short Int16 { get; init; }
    public ushort UInt16 { get; init; }
    public int Int32 { get; init; }
    public uint UInt32 { get; init; }
    public long Int64 { get; init; }
    public ulong UInt64 { get; init; }
    public float Single { get; init; }
    public double Double { get; init; }
    public decimal Decimal { get; init; }
    public int? OptionalInt32 { get; init; }
    public Guid Guid { get; init; }
    public Guid? OptionalGuid { get; init; }
    public DateTime DateTime { get; init; }
    public DateTimeOffset DateTimeOffset { get; init; }
    public TimeSpan TimeSpan { get; init; }
    public DateOnly DateOnly { get; init; }
    public TimeOnly TimeOnly { get; init; }
    public OrderStatus Status { get; init; }
    public OrderStatus? OptionalStatus { get; init; }
    public Permissions Permissions { get; init; }
    public byte[] Bytes { get; init; } = [];
    public byte[]? OptionalBytes { get; init; }
    public List<string> Strings { get; init; } = [];
    public List<string?> NullableStrings { get; init; } = [];
    public int[] Numbers { get; init; } = [];
    public IReadOnlyList<int?> NullableNumbers { get; init; } = [];
    public List<List<int>> Nested { get; init; } = [];
    public HashSet<string> StringSet { get; init; } = [];
    public HashSet<int> NumberSet { get; init; } = [];
    public ISet<decimal> DecimalSet { get; init; } = new HashSet<decimal>();
    public HashSet<byte[]> BinarySet { get; init; } = [];
    public HashSet<string>? OptionalSet { get; init; }
    public Dictionary<string, int> Counts { get; init; } = [];
    public IReadOnlyDictionary<string, Address> Addresses { get; init; } = new Dictionary<string, Address>();
    public Address? Address { get; init; }
    public Coordinates Location { get; init; }
    public Coordinates? OptionalLocation { get; init; }
    public TreeNode? Tree { get; init; }
    [StoredName("renamed")]
    public string Renamed { get; init; } = string.Empty;
    [Encrypted]
    public byte[]? Secret { get; init; }
}
