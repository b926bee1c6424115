using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Tenancy.Isolation;
using Tenancy.Local.Emulator.Services.DynamoDb;
using Tenancy.Testing.Fakes;
using Xunit;

namespace Tenancy.Testing.DynamoDb;

/// <summary>
/// One DynamoDB Local for a test collection, stopped when the collection ends. It holds the pooled sample table
/// (<see cref="SampleTable"/>) and real scopes for two tenants made by <see cref="TenantScopeFactory"/>, whose
/// clients all point at DynamoDB Local; tests that need tables of their own create them with <see cref="CreateClient"/>.
/// </summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    public const string TableName = SampleTable.Name;

    public static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    public static readonly TenantId TenantB = TenantId.Parse("tenant-b");

    private DynamoDbLocalServer? _server;

    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("DynamoDB Local is not running.");

    /// <summary>A client for the fixture's own use and raw reads; disposed with the fixture.</summary>
    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public TenantScope ScopeA { get; private set; } = null!;

    public TenantScope ScopeB { get; private set; } = null!;

    /// <summary>Tenant A without a field encryptor, to show encrypted entities fail closed.</summary>
    public TenantScope ScopeAWithoutEncryption { get; private set; } = null!;

    /// <summary>A new client the caller owns.</summary>
    public AmazonDynamoDBClient CreateClient() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1" });

    public async Task InitializeAsync()
    {
        _server = await DynamoDbLocalServer.StartAsync();
        Client = CreateClient();
        await SampleTable.CreateAsync(Client, TableName);

        var registry = new InMemoryTenantRegistry().Add(TenantA.Value, pooledTableName: TableName).Add(TenantB.Value, pooledTableName: TableName);
        var clients = new FixedTenantClientProvider(Client);
        var factory = new TenantScopeFactory(registry, clients, new TestFieldEncryptorFactory());
        var requestor = new TenantRequestor("integration-test");
        ScopeA = await factory.CreateAsync(TenantA, requestor);
        ScopeB = await factory.CreateAsync(TenantB, requestor);
        ScopeAWithoutEncryption = await new TenantScopeFactory(registry, clients).CreateAsync(TenantA, requestor);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The stored item as DynamoDB holds it (no mapping, no decryption), or null.</summary>
    public async Task<Dictionary<string, AttributeValue>?> RawGetAsync(string partitionKey, string sortKey)
    {
        var response = await Client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new Dictionary<string, AttributeValue> { ["PK"] = new() { S = partitionKey }, ["SK"] = new() { S = sortKey } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
