namespace Tenancy.ControlPlane.Tests.Offboarding;

/// <summary>One DynamoDB Local for every pooled-data deletion test (in-process and through the AOT bootstrap).</summary>
[CollectionDefinition(Name)]
public sealed class PooledDataCollection : ICollectionFixture<PooledDataStore>
{
    public const string Name = "pooled-data";
}
