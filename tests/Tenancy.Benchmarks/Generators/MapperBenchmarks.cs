using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Tenancy.Testing.Samples;

namespace Tenancy.Benchmarks.Generators;

/// <summary>
/// One sample <see cref="Order"/> (the test kit's, with lines, an address and an encrypted note, still in plaintext at
/// this stage) converted entity → attribute map and back: the generated ItemMapper vs DynamoDBContext
/// (ToDocument + ToAttributeMap, FromAttributeMap + FromDocument). No network: conversion needs no table metadata.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MapperBenchmarks : IDisposable
{
    private AmazonDynamoDBClient _client = null!;
    private DynamoDBContext _context = null!;
    private Order _order = null!;
    private Dictionary<string, AttributeValue> _item = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9" });
        _context = new DynamoDBContextBuilder().WithDynamoDBClient(() => _client).Build();
        _context.ConverterCache.Add(typeof(DateTimeOffset), new IsoDateTimeOffsetConverter());
        _order = new Order
        {
            Id = "o-123456",
            CustomerId = "c-98765",
            Status = OrderStatus.Shipped,
            CreatedAt = new DateTimeOffset(2026, 11, 27, 12, 30, 0, TimeSpan.Zero),
            Total = 123.45m,
            Note = "leave at the door",
            ShippingAddress = new Address("1 Main St", "Springfield", "12345"),
            Lines =
            [
                new OrderLine { Sku = "SKU-1", Quantity = 1, UnitPrice = 100m },
                new OrderLine { Sku = "SKU-2", Quantity = 2, UnitPrice = 11.725m },
            ],
        };
        _item = OrderRepository.ItemMapper.ToItem(_order);
        var viaContext = _context.FromDocument<Order>(Document.FromAttributeMap(_context.ToDocument(_order).ToAttributeMap()));
        if (viaContext.Lines.Count != 2 || OrderRepository.ItemMapper.FromItem(_item).Lines.Count != 2)
        {
            throw new InvalidOperationException("The two mappers do not round-trip the benchmark order.");
        }
    }

    [BenchmarkCategory("ToItem"), Benchmark(Baseline = true)]
    public Dictionary<string, AttributeValue> DynamoDBContext_ToAttributeMap() => _context.ToDocument(_order).ToAttributeMap();

    [BenchmarkCategory("ToItem"), Benchmark]
    public Dictionary<string, AttributeValue> Generated_ToItem() => OrderRepository.ItemMapper.ToItem(_order);

    [BenchmarkCategory("FromItem"), Benchmark(Baseline = true)]
    public Order DynamoDBContext_FromAttributeMap() => _context.FromDocument<Order>(Document.FromAttributeMap(_item));

    [BenchmarkCategory("FromItem"), Benchmark]
    public Order Generated_FromItem() => OrderRepository.ItemMapper.FromItem(_item);

    [GlobalCleanup]
    public void Dispose()
    {
        _context?.Dispose();
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }
}
