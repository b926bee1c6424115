using Amazon.DynamoDBv2;
using Tenancy.ControlPlane.Metering;
using Tenancy.Testing.DynamoDb;

namespace Tenancy.ControlPlane.Tests.Metering;

/// <summary>DynamoDB Local for the metering tests; each test creates a metering table of its own.</summary>
public sealed class MeteringDatabase : IAsyncLifetime
{
    private readonly DynamoDbLocalFixture _dynamoDb = new();

    public IAmazonDynamoDB Client => _dynamoDb.Client;

    public async Task<string> CreateTableAsync()
    {
        var name = $"Metering-{Guid.NewGuid():N}";
        await Client.CreateTableAsync(MeteringTableSchema.CreateTableRequest(name));
        return name;
    }

    public Task InitializeAsync() => _dynamoDb.InitializeAsync();

    public Task DisposeAsync() => _dynamoDb.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class MeteringCollection : ICollectionFixture<MeteringDatabase>
{
    public const string Name = "Metering on DynamoDB Local";
}
