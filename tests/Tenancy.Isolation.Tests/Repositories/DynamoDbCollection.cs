namespace Tenancy.Isolation.Tests.Repositories;

/// <summary>The repository test classes share one DynamoDB Local (started once, stopped after the last class).</summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbCollection : ICollectionFixture<DynamoDbFixture>
{
    public const string Name = "Repositories on DynamoDB Local";
}
