using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Tenancy.Local.Emulator.Services.DynamoDb;

namespace Tenancy.Isolation.Tests.TestSupport;

/// <summary>One DynamoDB Local per test collection, stopped when the collection ends.</summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private DynamoDbLocalServer? _server;

    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("DynamoDB Local is not running.");

    public AmazonDynamoDBClient CreateClient() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1" });

    public async Task InitializeAsync() => _server = await DynamoDbLocalServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "DynamoDB Local (registry)";
}
