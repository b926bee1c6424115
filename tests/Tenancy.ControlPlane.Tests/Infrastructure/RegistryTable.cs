using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.ControlPlane.Registry;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;
using Tenancy.Testing.DynamoDb;

namespace Tenancy.ControlPlane.Tests.Infrastructure;

/// <summary>A registry table of its own in DynamoDB Local, with the writer and the application plane's reader over it.</summary>
public sealed class RegistryTable : IAsyncDisposable
{
    private RegistryTable(AmazonDynamoDBClient client, string name)
    {
        Client = client;
        Name = name;
        Settings = new ControlPlaneSettings { RegistryTableName = name, PooledTableName = "AppData" };
        Writer = new TenantRegistryWriter(client, Settings);
    }

    public AmazonDynamoDBClient Client { get; }

    public string Name { get; }

    public ControlPlaneSettings Settings { get; }

    public TenantRegistryWriter Writer { get; }

    /// <summary>The application plane's reader, without its cache so every lookup sees the table.</summary>
    public DynamoDbTenantRegistry NewReader() => new(Client, new TenantRegistryOptions { TableName = Name, PositiveCacheDuration = TimeSpan.Zero, NegativeCacheDuration = TimeSpan.Zero });

    public static async Task<RegistryTable> CreateAsync(DynamoDbLocalFixture dynamo)
    {
        var client = dynamo.CreateClient();
        var name = $"TenantRegistry-{Guid.NewGuid():N}";
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(TenantRegistryAttributes.TenantId, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(TenantRegistryAttributes.TenantId, KeyType.HASH)],
        });
        return new RegistryTable(client, name);
    }

    /// <summary>An onboarded tenant: registered, resources recorded, activated — through the writer, as the workflow does.</summary>
    public async Task<TenantRegistration> OnboardAsync(string id, TenantTier tier = TenantTier.Premium, string? apiKeyValue = "key-value-of-")
    {
        var tenant = TenantId.Parse(id);
        await Writer.RegisterAsync(tenant, $"{id} corp", tier, CancellationToken.None);
        await Writer.RecordResourcesAsync(tenant, new TenantResources { KmsKeyId = $"key-{id}", ApiKeyId = $"apikey-{id}", ApiKeyValue = apiKeyValue is null ? null : apiKeyValue + id }, CancellationToken.None);
        return await Writer.TransitionAsync(tenant, RegistryTransition.Activate, null, CancellationToken.None);
    }

    /// <summary>The raw item, read consistently.</summary>
    public async Task<Dictionary<string, AttributeValue>> RawAsync(string id) =>
        (await Client.GetItemAsync(new GetItemRequest { TableName = Name, Key = TenantRegistryItemCodec.Key(TenantId.Parse(id)), ConsistentRead = true })).Item;

    public async ValueTask DisposeAsync()
    {
        await Client.DeleteTableAsync(Name);
        Client.Dispose();
    }
}
