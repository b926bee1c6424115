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

    public static LambdaFunctionHost Map(LambdaFunctionHost host) =>
        Map(host, static () =>
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

    /// <summary>Maps the handler <paramref name="create"/> builds (on first use, so other handlers of the bootstrap never build its clients).</summary>
    public static LambdaFunctionHost Map(LambdaFunctionHost host, Func<TierChangeHandler> create)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(create);
        var handler = new Lazy<TierChangeHandler>(create);
        return host.Map(
            TierChange,
            TierChangeJsonContext.Default.TierChangeRequest,
            TierChangeJsonContext.Default.TierChangeResult,
            (request, context, cancellationToken) => handler.Value.HandleAsync(request, context.Deadline, cancellationToken));
    }
}
