using Tenancy.Testing.DynamoDb;

namespace Tenancy.ControlPlane.Tests.Infrastructure;

/// <summary>The control-plane test classes share one DynamoDB Local; each class creates its own registry table.</summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "DynamoDB Local (control plane)";
}
