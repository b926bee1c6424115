namespace Tenancy.Isolation.Registry;

/// <summary>The attribute names of a tenant registry item (schema in <c>docs/tenant-registry.md</c>).</summary>
public static class TenantRegistryAttributes
{
    /// <summary>The partition key: the tenant id (string).</summary>
    public const string TenantId = "TenantId";

    /// <summary>The display name.</summary>
    public const string Name = "Name";

    /// <summary>The <see cref="TenantTier"/> by name.</summary>
    public const string Tier = "Tier";

    /// <summary>The <see cref="TenantStatus"/> by name; only <c>Active</c> is served.</summary>
    public const string Status = "Status";

    /// <summary>The <see cref="TenancyModel"/> by name.</summary>
    public const string Model = "Model";

    /// <summary>The DynamoDB table holding the tenant's data.</summary>
    public const string TableName = "TableName";

    /// <summary>The tenant's KMS key (normally its alias).</summary>
    public const string KmsKeyId = "KmsKeyId";

    /// <summary>The bucket holding tenant objects (optional).</summary>
    public const string BucketName = "BucketName";

    /// <summary>The tenant's object prefix.</summary>
    public const string BucketPrefix = "BucketPrefix";

    /// <summary>When the item was created (ISO 8601 UTC).</summary>
    public const string CreatedAt = "CreatedAt";

    /// <summary>When the item last changed (ISO 8601 UTC).</summary>
    public const string UpdatedAt = "UpdatedAt";

    /// <summary>The tenant KMS key's id, as created (optional).</summary>
    public const string ResourceKmsKeyId = "ResourceKmsKeyId";

    /// <summary>The tenant KMS key's ARN (optional).</summary>
    public const string ResourceKmsKeyArn = "ResourceKmsKeyArn";

    /// <summary>The tenant key's alias, as created (optional).</summary>
    public const string ResourceKmsAlias = "ResourceKmsAlias";

    /// <summary>The silo table, as created (optional).</summary>
    public const string ResourceSiloTable = "ResourceSiloTable";

    /// <summary>The tenant's user pool group (optional).</summary>
    public const string ResourceUserPoolGroup = "ResourceUserPoolGroup";

    /// <summary>The tenant admin's username (optional).</summary>
    public const string ResourceAdminUser = "ResourceAdminUser";

    /// <summary>The tenant's API key id (optional).</summary>
    public const string ResourceApiKeyId = "ResourceApiKeyId";

    /// <summary>The tenant's API key value (optional; the authorizer's <c>usageIdentifierKey</c>).</summary>
    public const string ResourceApiKeyValue = "ResourceApiKeyValue";

    /// <summary>The usage plan the API key is attached to (optional).</summary>
    public const string ResourceUsagePlanId = "ResourceUsagePlanId";

    /// <summary>Why onboarding failed (only with status <c>Failed</c>).</summary>
    public const string FailureCause = "FailureCause";

    /// <summary>The id of the tier change in progress; present only while the tenant's writes are frozen for a move.</summary>
    public const string TierChangeId = "TierChangeId";

    /// <summary>The <see cref="TenancyModel"/> the tenant is moving to (with <see cref="TierChangeId"/>).</summary>
    public const string TierChangeTargetModel = "TierChangeTargetModel";

    /// <summary>The table the tenant is moving to (with <see cref="TierChangeId"/>).</summary>
    public const string TierChangeTargetTable = "TierChangeTargetTable";

    /// <summary>When writes were frozen for the move (ISO 8601 UTC, with <see cref="TierChangeId"/>).</summary>
    public const string TierChangeFrozenAt = "TierChangeFrozenAt";
}
