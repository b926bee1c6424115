using Amazon.DynamoDBv2;

namespace Tenancy.Isolation.Registry;

/// <summary>
/// Builds the application plane's tenant registry on the function's own credentials (the SDK's default credential
/// and endpoint resolution), so application code never has to name a raw DynamoDB client (analyzer TNT003).
/// </summary>
public static class TenantRegistryFactory
{
    /// <summary>A registry reading the tenant table with the function's own credentials (the registry is control-plane data).</summary>
    public static DynamoDbTenantRegistry CreateWithFunctionCredentials(TenantRegistryOptions? options = null, TimeProvider? timeProvider = null) =>
        new(new AmazonDynamoDBClient(), options ?? TenantRegistryOptions.FromEnvironment(), timeProvider);
}
