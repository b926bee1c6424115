using Tenancy.Testing.DynamoDb;

namespace Tenancy.Isolation.Tests.TestSupport;

/// <summary>The registry and repository test classes share one DynamoDB Local (started once, stopped after the last class).</summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "DynamoDB Local";
}
