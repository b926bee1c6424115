using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Tenancy.Benchmarks.Generators;

/// <summary>
/// One item converted entity → attribute map and back: the generated ItemMapper vs DynamoDBContext
/// (ToDocument + ToAttributeMap, FromAttributeMap + FromDocument). No network: the context never fetches table metadata.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MapperBenchmarks : IDisposable
{
    private AmazonDynamoDBClient _client = null!;
    private DynamoDBContext _context = null!;
    private BenchOrder _order = null!;
    private Dictionary<string, AttributeValue> _item = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9" });
        _context = new DynamoDBContextBuilder().WithDynamoDBClient(() => _client).Build();
        _order = new BenchOrder
        {
            Id = "o-123456",
            CustomerId = "c-98765",
            Status = BenchStatus.Shipped,
            CreatedAt = new DateTime(2026, 11, 27, 12, 30, 0, DateTimeKind.Utc),
            Total = 123.45m,
            ItemCount = 3,
            Paid = true,
            Note = "leave at the door",
            Tags = ["priority", "gift"],
            Lines =
            [
                new BenchLine { Sku = "SKU-1", Quantity = 1, UnitPrice = 100m },
                new BenchLine { Sku = "SKU-2", Quantity = 2, UnitPrice = 11.725m },
            ],
        };
        _item = BenchOrderRepository.ItemMapper.ToItem(_order);
        var viaContext = _context.FromDocument<BenchOrder>(Document.FromAttributeMap(_context.ToDocument(_order).ToAttributeMap()));
        if (viaContext.Lines.Count != 2 || BenchOrderRepository.ItemMapper.FromItem(_item).Lines.Count != 2)
        {
            throw new InvalidOperationException("The two mappers do not round-trip the benchmark order.");
        }
    }

    [BenchmarkCategory("ToItem"), Benchmark(Baseline = true)]
    public Dictionary<string, AttributeValue> DynamoDBContext_ToAttributeMap() => _context.ToDocument(_order).ToAttributeMap();

    [BenchmarkCategory("ToItem"), Benchmark]
    public Dictionary<string, AttributeValue> Generated_ToItem() => BenchOrderRepository.ItemMapper.ToItem(_order);

    [BenchmarkCategory("FromItem"), Benchmark(Baseline = true)]
    public BenchOrder DynamoDBContext_FromAttributeMap() => _context.FromDocument<BenchOrder>(Document.FromAttributeMap(_item));

    [BenchmarkCategory("FromItem"), Benchmark]
    public BenchOrder Generated_FromItem() => BenchOrderRepository.ItemMapper.FromItem(_item);

    [GlobalCleanup]
    public void Dispose()
    {
        _context?.Dispose();
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }
}
