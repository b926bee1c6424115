using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Tenancy.Isolation;

namespace Tenancy.Benchmarks.Observability;

/// <summary>A real tenant scope (through <see cref="TenantScopeFactory"/>) whose clients are never called.</summary>
internal static class BenchmarkTenant
{
    public static TenantScope Create()
    {
        var id = TenantId.Parse("acme");
        var factory = new TenantScopeFactory(new Registry(id), new Clients());
        return factory.CreateAsync(id, new TenantRequestor("bench")).AsTask().GetAwaiter().GetResult();
    }

    private sealed class Registry(TenantId id) : ITenantRegistry
    {
        public ValueTask<TenantRegistration?> FindAsync(TenantId tenantId, CancellationToken cancellationToken) =>
            ValueTask.FromResult<TenantRegistration?>(new TenantRegistration(id, "Bench", TenantTier.Premium, TenantStatus.Active, TenantPlacement.Conventional(id, TenancyModel.Pool)));
    }

    private sealed class Clients : ITenantClientProvider
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
