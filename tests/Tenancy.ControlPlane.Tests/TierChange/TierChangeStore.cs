using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.ControlPlane.Registry;
using Tenancy.ControlPlane.TierChange;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Template;
using Tenancy.Testing;
using Tenancy.Testing.DynamoDb;
using Tenancy.Testing.Fakes;

namespace Tenancy.ControlPlane.Tests.TierChange;

/// <summary>
/// One pooled table (the template's definition) and one registry table per test in the shared DynamoDB Local, the
/// tier-change handler over them, and API-like tenant scopes whose registry cache is short but real.
/// </summary>
public sealed class TierChangeStore
{
    /// <summary>How long an "API instance" caches a registry lookup in these tests; the move waits longer.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMilliseconds(400);

    private TierChangeStore(AmazonDynamoDBClient client, ControlPlaneSettings settings)
    {
        Client = client;
        Settings = settings;
        Writer = new TenantRegistryWriter(client, settings);
        Handler = new TierChangeHandler(
            client,
            settings,
            new TierChangeOptions { MaxItemsPerInvocation = 40, PageSize = 15 },
            registration => Encryptors.Create(registration.TenantId, registration.Placement, new FixedTenantClientProvider(client).GetClientsAsync(registration.TenantId, new TenantRequestor("tier-change"), CancellationToken.None).Result));
    }

    public AmazonDynamoDBClient Client { get; }

    public ControlPlaneSettings Settings { get; }

    public TenantRegistryWriter Writer { get; }

    public TierChangeHandler Handler { get; }

    /// <summary>One tenant key per tenant, shared by the writers and the handler (the KMS key's role).</summary>
    public TestFieldEncryptorFactory Encryptors { get; } = new();

    public static async Task<TierChangeStore> CreateAsync(DynamoDbLocalFixture dynamo)
    {
        var client = dynamo.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var settings = new ControlPlaneSettings { RegistryTableName = $"TenantRegistry-{suffix}", PooledTableName = $"AppData-{suffix}" };
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = settings.RegistryTableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(TenantRegistryAttributes.TenantId, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(TenantRegistryAttributes.TenantId, KeyType.HASH)],
        });
        var definition = TenancyTemplate.Load(RepositoryFiles.PathOf("template.yaml")).Table("AppDataTable");
        await LocalTableProvisioner.CreateAsync(client, definition, settings.PooledTableName, CancellationToken.None);
        return new TierChangeStore(client, settings);
    }

    /// <summary>Registers and activates a Basic (pooled) tenant.</summary>
    public async Task<TenantId> OnboardPooledAsync(string id)
    {
        var tenant = TenantId.Parse(id);
        await Writer.RegisterAsync(tenant, $"{id} corp", TenantTier.Basic, CancellationToken.None);
        await Writer.TransitionAsync(tenant, RegistryTransition.Activate, null, CancellationToken.None);
        return tenant;
    }

    /// <summary>An application-plane view of the registry, cached like an API instance's.</summary>
    public DynamoDbTenantRegistry NewCachedRegistry() =>
        new(Client, new TenantRegistryOptions { TableName = Settings.RegistryTableName, PositiveCacheDuration = CacheDuration, NegativeCacheDuration = CacheDuration });

    public TenantScopeFactory NewScopes(ITenantRegistry registry) => new(registry, new FixedTenantClientProvider(Client), Encryptors);

    public Task<TierChangeResult> RunAsync(TierChangeRequest request) => Handler.HandleAsync(request, null, CancellationToken.None);

    /// <summary>Runs a paginated action until it reports done; returns the last result.</summary>
    public async Task<TierChangeResult> RunToEndAsync(TierChangeRequest request)
    {
        var result = await RunAsync(request);
        while (!result.Done)
        {
            result = await RunAsync(request with { Cursor = result.Cursor, Digest = result.Digest ?? request.Digest });
        }

        return result;
    }

    public async Task<bool> TableExistsAsync(string tableName)
    {
        try
        {
            await Client.DescribeTableAsync(tableName);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    public async Task<int> CountTenantItemsAsync(string tableName, TenantId tenantId)
    {
        var count = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Client.ScanAsync(new ScanRequest { TableName = tableName, ExclusiveStartKey = start, ConsistentRead = true, ProjectionExpression = "PK" });
            count += (page.Items ?? []).Count(i => i["PK"].S.StartsWith($"TENANT#{tenantId.Value}#", StringComparison.Ordinal));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return count;
    }
}
