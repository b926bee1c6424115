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
}
