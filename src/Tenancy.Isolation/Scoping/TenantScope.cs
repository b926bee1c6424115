using System.ComponentModel;
using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.S3;
using Tenancy.Isolation.Encryption;

namespace Tenancy.Isolation;

/// <summary>
/// One request's narrowing to one tenant: the tenant, its tier and placement, and AWS clients that carry only that
/// tenant's vended credentials. Application code cannot construct it; only <see cref="TenantScopeFactory"/> does,
/// from a verified tenant and credentials vended for exactly that tenant.
/// Every generated repository method takes a scope and builds every key from <see cref="TenantId"/>.
/// </summary>
public sealed class TenantScope
{
    private readonly TenantClients _clients;

    internal TenantScope(TenantId tenantId, TenantTier tier, TenantPlacement placement, TenantClients clients, ITenantFieldEncryptor? fieldEncryptor)
    {
        if (tenantId.IsEmpty)
        {
            throw new ArgumentException("A tenant scope needs a parsed tenant id.", nameof(tenantId));
        }

        TenantId = tenantId;
        Tier = tier;
        Placement = placement ?? throw new ArgumentNullException(nameof(placement));
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        FieldEncryptor = fieldEncryptor;
    }

    /// <summary>The tenant the scope serves.</summary>
    public TenantId TenantId { get; }

    /// <summary>The tenant's tier, as registered.</summary>
    public TenantTier Tier { get; }

    /// <summary>Where the tenant's data lives: pooled or siloed table and key.</summary>
    public TenantPlacement Placement { get; }

    /// <summary>The tenant-credentialed DynamoDB client. For generated code only (analyzer TNT003 flags other use).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IAmazonDynamoDB DynamoDb => _clients.DynamoDb;

    /// <summary>The tenant-credentialed KMS client. For the isolation layer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IAmazonKeyManagementService Kms => _clients.Kms;

    /// <summary>The tenant-credentialed S3 client. For generated and isolation-layer code only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IAmazonS3 S3 => _clients.S3;

    /// <summary>
    /// Encrypts and decrypts attributes marked <see cref="Repositories.EncryptedAttribute"/> under the tenant's key.
    /// Null when the scope was created without encryption; generated code then fails closed with
    /// <see cref="TenantEncryptionException"/> for entities that have encrypted attributes.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ITenantFieldEncryptor? FieldEncryptor { get; }

    /// <summary>The tenant, tier and model, for logs; never credentials.</summary>
    public override string ToString() => $"TenantScope({TenantId}, {Tier}, {Placement.Model})";
}
