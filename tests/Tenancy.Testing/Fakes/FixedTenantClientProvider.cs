using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Tenancy.Isolation;

namespace Tenancy.Testing.Fakes;

/// <summary>
/// Gives every tenant the same clients: a DynamoDB client chosen by the test (DynamoDB Local, which ignores
/// credentials, so isolation comes from the generated keys alone) and KMS/S3 clients aimed at a closed loopback port.
/// <see cref="Offline"/> aims DynamoDB there too, for code that only reads the scope and never calls AWS.
/// </summary>
public sealed class FixedTenantClientProvider(IAmazonDynamoDB dynamoDb) : ITenantClientProvider
{
    /// <summary>A loopback port nothing listens on: a call fails fast instead of reaching a real service.</summary>
    public const string ClosedEndpoint = "http://127.0.0.1:9";

    private static readonly BasicAWSCredentials Credentials = new("AKIDEXAMPLE", "secret");

    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(
        Credentials, new AmazonKeyManagementServiceConfig { ServiceURL = ClosedEndpoint, AuthenticationRegion = "us-east-1" });

    private readonly IAmazonS3 _s3 = new AmazonS3Client(
        Credentials, new AmazonS3Config { ServiceURL = ClosedEndpoint, AuthenticationRegion = "us-east-1", ForcePathStyle = true });

    public static FixedTenantClientProvider Offline() => new(new AmazonDynamoDBClient(
        Credentials, new AmazonDynamoDBConfig { ServiceURL = ClosedEndpoint, AuthenticationRegion = "us-east-1" }));

    public ValueTask<TenantClients> GetClientsAsync(TenantId tenantId, TenantRequestor requestor, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TenantClients(tenantId, dynamoDb, _kms, _s3));
}
