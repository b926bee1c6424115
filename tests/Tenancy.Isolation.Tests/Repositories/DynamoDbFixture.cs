using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Tenancy.Local.Emulator.Services.DynamoDb;

namespace Tenancy.Isolation.Tests.Repositories;

/// <summary>
/// One DynamoDB Local per test class: the pooled AppData table (PK/SK + GSI1) and scopes for two tenants made by the
/// real <see cref="TenantScopeFactory"/> with clients pointed at DynamoDB Local.
/// </summary>
public sealed class DynamoDbFixture : IAsyncLifetime
{
    public const string TableName = "AppData";

    public static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    public static readonly TenantId TenantB = TenantId.Parse("tenant-b");

    private DynamoDbLocalServer? _server;

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public TenantScope ScopeA { get; private set; } = null!;

    public TenantScope ScopeB { get; private set; } = null!;

    /// <summary>Tenant A without a field encryptor, to show encrypted entities fail closed.</summary>
    public TenantScope ScopeAWithoutEncryption { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await DynamoDbLocalServer.StartAsync();
        Client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = _server.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        await CreateTableAsync();

        var registry = new TestTenantRegistry(TenantA, TenantB);
        var clients = new TestClientProvider(Client);
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

    private async Task CreateTableAsync()
    {
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition("PK", ScalarAttributeType.S),
                new AttributeDefinition("SK", ScalarAttributeType.S),
                new AttributeDefinition("GSI1PK", ScalarAttributeType.S),
                new AttributeDefinition("GSI1SK", ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement("PK", KeyType.HASH), new KeySchemaElement("SK", KeyType.RANGE)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "GSI1",
                    KeySchema = [new KeySchemaElement("GSI1PK", KeyType.HASH), new KeySchemaElement("GSI1SK", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        });
    }

    private sealed class TestTenantRegistry(params TenantId[] tenants) : ITenantRegistry
    {
        public ValueTask<TenantRegistration?> FindAsync(TenantId tenantId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(tenants.Contains(tenantId)
                ? new TenantRegistration(tenantId, tenantId.Value, TenantTier.Basic, TenantStatus.Active, TenantPlacement.Conventional(tenantId, TenancyModel.Pool, TableName))
                : null);
    }

    /// <summary>
    /// DynamoDB Local ignores credentials, so both tenants share one client here; isolation in these tests comes from
    /// the generated keys alone (in AWS the vended per-tenant credentials add the IAM layer on top).
    /// </summary>
    private sealed class TestClientProvider(IAmazonDynamoDB dynamoDb) : ITenantClientProvider
    {
        private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(
            new BasicAWSCredentials("local", "local"), new AmazonKeyManagementServiceConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1" });

        private readonly IAmazonS3 _s3 = new AmazonS3Client(
            new BasicAWSCredentials("local", "local"), new AmazonS3Config { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1", ForcePathStyle = true });

        public ValueTask<TenantClients> GetClientsAsync(TenantId tenantId, TenantRequestor requestor, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new TenantClients(tenantId, dynamoDb, _kms, _s3));
    }
}
