using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Tenancy.Isolation;

namespace Tenancy.Observability.Tests.Support;

/// <summary>
/// Real tenant scopes, made the only way the product allows: through <see cref="TenantScopeFactory"/> with a
/// registry that says Active and clients of that tenant. The clients point at a closed loopback port and are never
/// called; logging and metrics only read the scope's id and tier.
/// </summary>
internal static class TestTenants
{
    public static async Task<TenantScope> ScopeAsync(string tenantId, TenantTier tier)
    {
        var id = TenantId.Parse(tenantId);
        var factory = new TenantScopeFactory(new OneTenantRegistry(id, tier), new UnusedClients());
        return await factory.CreateAsync(id, new TenantRequestor("user-1"));
    }

    private sealed class OneTenantRegistry(TenantId id, TenantTier tier) : ITenantRegistry
    {
        public ValueTask<TenantRegistration?> FindAsync(TenantId tenantId, CancellationToken cancellationToken) =>
            ValueTask.FromResult<TenantRegistration?>(tenantId == id
                ? new TenantRegistration(id, "Test tenant", tier, TenantStatus.Active, TenantPlacement.Conventional(id, TenancyModel.Pool))
                : null);
    }

    private sealed class UnusedClients : ITenantClientProvider
    {
        public ValueTask<TenantClients> GetClientsAsync(TenantId tenantId, TenantRequestor requestor, CancellationToken cancellationToken)
        {
            var credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
            const string endpoint = "http://127.0.0.1:9";
            return ValueTask.FromResult(new TenantClients(
                tenantId,
                new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = endpoint }),
                new AmazonKeyManagementServiceClient(credentials, new AmazonKeyManagementServiceConfig { ServiceURL = endpoint }),
                new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true })));
        }
    }
}
