using Tenancy.Local.Emulator;

namespace Tenancy.Local.Run.Api;

/// <summary>
/// The environment the tenant API runs with against a <see cref="LocalCloud"/>: the same variables
/// <c>template.yaml</c> sets on the function, the local endpoints, and the API function role's own credentials
/// (which can read the registry and assume the tenant role, nothing else).
/// </summary>
public static class LocalApiEnvironment
{
    public static Dictionary<string, string> For(LocalCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var environment = new Dictionary<string, string>(cloud.WithLocalReplacements(cloud.EnvironmentVariables(cloud.ApiCredentials)), StringComparer.Ordinal)
        {
            ["TENANCY_TENANT_DATA_ROLE_ARN"] = cloud.TenantDataRoleArn,
            ["TENANCY_REGISTRY_TABLE"] = cloud.TenantRegistryTableName,
            ["TENANCY_APPDATA_TABLE"] = cloud.AppDataTableName,
            ["TENANCY_TENANT_DATA_BUCKET"] = cloud.TenantDataBucketName,
            ["POWERTOOLS_SERVICE_NAME"] = "tenant-api",
        };
        return environment;
    }
}
