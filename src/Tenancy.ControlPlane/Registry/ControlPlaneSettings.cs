namespace Tenancy.ControlPlane.Registry;

/// <summary>
/// The registry's table and the placement defaults, read from the function's environment (<c>TENANCY_REGISTRY_TABLE</c>,
/// <c>TENANCY_APP_TABLE</c>, optional <c>TENANCY_TENANT_BUCKET</c>).
/// </summary>
public sealed record ControlPlaneSettings
{
    public string RegistryTableName { get; init; } = "TenantRegistry";

    /// <summary>The pooled table; silo tables are named after it (<c>AppData-&lt;id&gt;</c>).</summary>
    public string PooledTableName { get; init; } = "AppData";

    public string? TenantBucketName { get; init; }

    public static ControlPlaneSettings FromEnvironment()
    {
        static string? Read(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        return new ControlPlaneSettings
        {
            RegistryTableName = Read("TENANCY_REGISTRY_TABLE") ?? "TenantRegistry",
            PooledTableName = Read("TENANCY_APP_TABLE") ?? "AppData",
            TenantBucketName = Read("TENANCY_TENANT_BUCKET"),
        };
    }
}
