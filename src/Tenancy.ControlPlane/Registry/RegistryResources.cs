using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Registry;

/// <summary>The resource record as JSON. <see cref="ApiKeyValue"/> is accepted on input but never written to output.</summary>
public sealed record RegistryResources
{
    public string? KmsKeyId { get; init; }

    public string? KmsKeyArn { get; init; }

    public string? KmsAliasName { get; init; }

    public string? SiloTableName { get; init; }

    public string? UserPoolGroupName { get; init; }

    public string? AdminUserName { get; init; }

    public string? ApiKeyId { get; init; }

    public string? ApiKeyValue { get; init; }

    public string? UsagePlanId { get; init; }

    public TenantResources ToResources() => new()
    {
        KmsKeyId = KmsKeyId,
        KmsKeyArn = KmsKeyArn,
        KmsAliasName = KmsAliasName,
        SiloTableName = SiloTableName,
        UserPoolGroupName = UserPoolGroupName,
        AdminUserName = AdminUserName,
        ApiKeyId = ApiKeyId,
        ApiKeyValue = ApiKeyValue,
        UsagePlanId = UsagePlanId,
    };

    // The key value stays in the registry (the authorizer reads it there); execution history and logs never see it.
    public static RegistryResources FromResources(TenantResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return new()
        {
            KmsKeyId = resources.KmsKeyId,
            KmsKeyArn = resources.KmsKeyArn,
            KmsAliasName = resources.KmsAliasName,
            SiloTableName = resources.SiloTableName,
            UserPoolGroupName = resources.UserPoolGroupName,
            AdminUserName = resources.AdminUserName,
            ApiKeyId = resources.ApiKeyId,
            UsagePlanId = resources.UsagePlanId,
        };
    }
}
