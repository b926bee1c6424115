using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Tenancy.Isolation;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Services.DynamoDb;
using Tenancy.Local.Emulator.Template;
using Tenancy.Testing;
using Tenancy.Testing.Fakes;
using Tenancy.Testing.Samples;

namespace Tenancy.ControlPlane.Tests.Offboarding;

/// <summary>
/// DynamoDB Local with the pooled table created from template.yaml's <c>AppDataTable</c> (its <c>TenantItems</c> index
/// included), filled through the generated repositories, and raw reads that bypass every Tenancy layer.
/// Two bystander tenants are seeded once; each test offboards tenants of its own.
/// </summary>
public sealed class PooledDataStore : IAsyncLifetime
{
    public const string BystanderA = "bystander-a";
    public const string BystanderB = "bystander-b";
    public const int BystanderItems = 240;

    private DynamoDbLocalServer? _server;

    public string TableName { get; private set; } = string.Empty;

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("DynamoDB Local is not running.");

    public AmazonDynamoDBClient CreateClient() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public async Task InitializeAsync()
    {
        _server = await DynamoDbLocalServer.StartAsync();
        Client = CreateClient();
        var definition = TenancyTemplate.Load(RepositoryFiles.PathOf("template.yaml")).Table("AppDataTable");
        TableName = definition.TableName;
        await LocalTableProvisioner.CreateAsync(Client, definition, TableName, CancellationToken.None);
        await SeedAsync(BystanderA, BystanderItems);
        await SeedAsync(BystanderB, BystanderItems);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> items for the tenant through three generated repositories: orders (spread over
    /// customers, with an index entry and an encrypted field), memos and type samples.
    /// </summary>
    public async Task SeedAsync(string tenantId, int count)
    {
        var scope = await ScopeAsync(tenantId);
        var orders = new OrderRepository();
        var memos = new MemoRepository();
        var samples = new TypeSampleRepository();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            switch (i % 3)
            {
                case 0:
                    await orders.CreateAsync(scope, new Order { CustomerId = $"c{i % 17}", Id = $"o{i}", Status = OrderStatus.Pending, CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i), Note = "secret" }, ct);
                    break;
                case 1:
                    await memos.UpsertAsync(scope, new Memo(Guid.NewGuid(), $"memo {i}", null), ct);
                    break;
                default:
                    await samples.UpsertAsync(scope, new TypeSample($"s{i}") { Text = "x" }, ct);
                    break;
            }
        });
    }

    /// <summary>How many items of the table have a partition key in the tenant (raw scan of DynamoDB Local).</summary>
    public async Task<int> CountItemsAsync(string tenantId)
    {
        var counts = await CountItemsByTenantAsync();
        return counts.GetValueOrDefault(tenantId);
    }

    /// <summary>Item count per tenant segment of the partition key, over the whole table.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountItemsByTenantAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Client.ScanAsync(new ScanRequest { TableName = TableName, ProjectionExpression = "PK", ExclusiveStartKey = start, ConsistentRead = true });
            foreach (var item in page.Items ?? [])
            {
                var tenant = item["PK"].S.Split('#')[1];
                counts[tenant] = counts.GetValueOrDefault(tenant) + 1;
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return counts;
    }

    /// <summary>Every raw item of the tenant (scan), for checking what the generated code stored.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> RawItemsAsync(string tenantId)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Client.ScanAsync(new ScanRequest
            {
                TableName = TableName,
                ExclusiveStartKey = start,
                FilterExpression = "PK = :tenant OR begins_with(PK, :below)",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":tenant"] = new() { S = $"TENANT#{tenantId}" },
                    [":below"] = new() { S = $"TENANT#{tenantId}#" },
                },
            });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return items;
    }

    private async Task<TenantScope> ScopeAsync(string tenantId)
    {
        var registry = new InMemoryTenantRegistry().Add(tenantId, pooledTableName: TableName);
        var factory = new TenantScopeFactory(registry, new FixedTenantClientProvider(Client), new TestFieldEncryptorFactory());
        return await factory.CreateAsync(TenantId.Parse(tenantId), new TenantRequestor("seeder"));
    }
}
