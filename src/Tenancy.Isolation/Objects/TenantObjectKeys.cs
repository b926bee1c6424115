namespace Tenancy.Isolation.Objects;

/// <summary>
/// The only place object keys are made: <c>tenants/&lt;tenantId&gt;/&lt;area&gt;/&lt;name&gt;</c>, the tenant always
/// from the scope. Every key is checked to lie under the tenant's prefix before it is used.
/// </summary>
internal static class TenantObjectKeys
{
    public static string TenantPrefix(TenantId tenantId) => $"tenants/{tenantId.Value}/";

    public static string AreaPrefix(TenantId tenantId, TenantObjectArea area) => Confined(tenantId, $"{TenantPrefix(tenantId)}{area.Value}/");

    public static string For(TenantId tenantId, TenantObjectArea area, TenantObjectName name) => Confined(tenantId, AreaPrefix(tenantId, area) + name.Value);

    private static string Confined(TenantId tenantId, string key)
    {
        // The parts are validated already; this is the last line should a future change weaken them.
        var prefix = TenantPrefix(tenantId);
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || key.Contains("/../", StringComparison.Ordinal) || key.Contains("//", StringComparison.Ordinal))
        {
            throw new InvalidObjectNameException("The object key would leave the tenant's prefix.");
        }

        return key;
    }
}
