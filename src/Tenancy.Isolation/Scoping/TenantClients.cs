using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.S3;

namespace Tenancy.Isolation;

/// <summary>
/// The AWS clients of one tenant, all signed with credentials vended for that tenant only.
/// Built by an <see cref="ITenantClientProvider"/>; never shared between tenants.
/// </summary>
public sealed class TenantClients
{
    /// <summary>Bundles the clients vended for <paramref name="tenantId"/>.</summary>
    public TenantClients(TenantId tenantId, IAmazonDynamoDB dynamoDb, IAmazonKeyManagementService kms, IAmazonS3 s3)
    {
        if (tenantId.IsEmpty)
        {
            throw new ArgumentException("Tenant clients belong to a parsed tenant id.", nameof(tenantId));
        }

        TenantId = tenantId;
        DynamoDb = dynamoDb ?? throw new ArgumentNullException(nameof(dynamoDb));
        Kms = kms ?? throw new ArgumentNullException(nameof(kms));
        S3 = s3 ?? throw new ArgumentNullException(nameof(s3));
    }

    /// <summary>The tenant the clients' credentials are scoped to.</summary>
    public TenantId TenantId { get; }

    /// <summary>DynamoDB client signed with the tenant's credentials.</summary>
    public IAmazonDynamoDB DynamoDb { get; }

    /// <summary>KMS client signed with the tenant's credentials.</summary>
    public IAmazonKeyManagementService Kms { get; }

    /// <summary>S3 client signed with the tenant's credentials.</summary>
    public IAmazonS3 S3 { get; }
}
