namespace Tenancy.Isolation;

/// <summary>
/// What onboarding created for a tenant, recorded in its registry item as each resource is created, so that
/// compensation and offboarding delete exactly these and never guess names. Every member is optional: a resource not
/// created (yet) is null.
/// </summary>
public sealed record TenantResources
{
    /// <summary>No resource recorded.</summary>
    public static readonly TenantResources None = new();

    /// <summary>The tenant KMS key's id.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>The tenant KMS key's ARN.</summary>
    public string? KmsKeyArn { get; init; }

    /// <summary>The alias pointing at the tenant key (<c>alias/tenancy/&lt;id&gt;</c>).</summary>
    public string? KmsAliasName { get; init; }

    /// <summary>The silo table (<c>AppData-&lt;id&gt;</c>); null for pooled tenants.</summary>
    public string? SiloTableName { get; init; }

    /// <summary>The tenant's Cognito user pool group.</summary>
    public string? UserPoolGroupName { get; init; }

    /// <summary>The tenant admin's Cognito username.</summary>
    public string? AdminUserName { get; init; }

    /// <summary>The tenant's API Gateway API key id.</summary>
    public string? ApiKeyId { get; init; }

    /// <summary>The tenant's API key value, returned by the authorizer as <c>usageIdentifierKey</c>.</summary>
    public string? ApiKeyValue { get; init; }

    /// <summary>The usage plan the API key is attached to.</summary>
    public string? UsagePlanId { get; init; }

    /// <summary>This record with every member of <paramref name="update"/> that is set taking precedence.</summary>
    /// <param name="update">Newly created resources.</param>
    /// <returns>The merged record.</returns>
    public TenantResources Merge(TenantResources update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new TenantResources
        {
            KmsKeyId = update.KmsKeyId ?? KmsKeyId,
            KmsKeyArn = update.KmsKeyArn ?? KmsKeyArn,
            KmsAliasName = update.KmsAliasName ?? KmsAliasName,
            SiloTableName = update.SiloTableName ?? SiloTableName,
            UserPoolGroupName = update.UserPoolGroupName ?? UserPoolGroupName,
            AdminUserName = update.AdminUserName ?? AdminUserName,
            ApiKeyId = update.ApiKeyId ?? ApiKeyId,
            ApiKeyValue = update.ApiKeyValue ?? ApiKeyValue,
            UsagePlanId = update.UsagePlanId ?? UsagePlanId,
        };
    }
}
