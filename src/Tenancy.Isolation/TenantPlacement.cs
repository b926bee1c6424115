namespace Tenancy.Isolation;

/// <summary>
/// Where one tenant's resources are: read from the tenant registry, so one code path serves pool and silo.
/// </summary>
/// <param name="Model">Pool (shared table) or silo (own table).</param>
/// <param name="TableName">The DynamoDB table holding the tenant's items (<c>AppData</c> or <c>AppData-&lt;id&gt;</c>).</param>
/// <param name="KmsKeyId">The tenant's KMS key, normally the alias <c>alias/tenancy/&lt;id&gt;</c>.</param>
/// <param name="BucketName">The bucket holding the tenant's objects.</param>
/// <param name="BucketPrefix">The tenant's object prefix, <c>tenants/&lt;id&gt;/</c>.</param>
public sealed record TenantPlacement(
    TenancyModel Model,
    string TableName,
    string KmsKeyId,
    string? BucketName,
    string BucketPrefix)
{
    /// <summary>The conventional placement for <paramref name="tenantId"/> under <paramref name="model"/>.</summary>
    public static TenantPlacement Conventional(TenantId tenantId, TenancyModel model, string pooledTableName = "AppData", string? bucketName = null) =>
        new(
            model,
            model == TenancyModel.Silo ? $"{pooledTableName}-{tenantId.Value}" : pooledTableName,
            $"alias/tenancy/{tenantId.Value}",
            bucketName,
            $"tenants/{tenantId.Value}/");
}
