using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.S3;
using Tenancy.ControlPlane.Registry;
using Tenancy.Isolation;
using Tenancy.Isolation.Encryption;
using Tenancy.Lambda.Functions;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>The tier-change workflow's code step, registered on the control-plane bootstrap.</summary>
public static class TierChangeFunctions
{
    public const string TierChange = "tier-change";

    public static LambdaFunctionHost Map(LambdaFunctionHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        // Created on first use so the other handlers of this bootstrap never build these clients.
        var handler = new Lazy<TierChangeHandler>(static () =>
        {
            var dynamoDb = new AmazonDynamoDBClient();
            var kms = new AmazonKeyManagementServiceClient();
            var s3 = new AmazonS3Client();
            var encryptors = new KmsTenantFieldEncryptorFactory();
            return new TierChangeHandler(
                dynamoDb,
                ControlPlaneSettings.FromEnvironment(),
                new TierChangeOptions(),
                registration => encryptors.Create(registration.TenantId, registration.Placement, new TenantClients(registration.TenantId, dynamoDb, kms, s3)));
        });
        return host.Map(
            TierChange,
            TierChangeJsonContext.Default.TierChangeRequest,
            TierChangeJsonContext.Default.TierChangeResult,
            (request, context, cancellationToken) => handler.Value.HandleAsync(request, context.Deadline, cancellationToken));
    }
}
