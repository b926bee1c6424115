using Amazon.DynamoDBv2;
using Tenancy.Lambda.Functions;

namespace Tenancy.ControlPlane.Registry;

/// <summary>Registers the <c>registry</c> handler; its DynamoDB client is built on the first invocation.</summary>
public static class RegistryFunctions
{
    public const string Registry = "registry";

    public static LambdaFunctionHost Map(LambdaFunctionHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var function = new Lazy<RegistryFunction>(() => new RegistryFunction(
            new TenantRegistryWriter(new AmazonDynamoDBClient(), ControlPlaneSettings.FromEnvironment())));
        return host.Map(Registry, RegistryJsonContext.Default.RegistryRequest, RegistryJsonContext.Default.RegistryItemView, (e, c, t) => function.Value.HandleAsync(e, c, t));
    }
}
