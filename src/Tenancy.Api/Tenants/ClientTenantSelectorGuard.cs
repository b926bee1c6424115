using Tenancy.Api.Problems;

namespace Tenancy.Api.Tenants;

/// <summary>
/// Rejects (400) any request that tries to name a tenant itself: a tenant header (<c>X-Tenant-Id</c>,
/// <c>X-Tenant</c>, <c>Tenant-Id</c>…) or a <c>tenant</c>/<c>tenantId</c>/<c>tenant_id</c> query parameter.
/// Body properties are refused by the strict JSON contracts (unknown members are an error). Rejecting rather than
/// ignoring makes a client bug or a probing attempt visible instead of silently serving the token's tenant.
/// </summary>
public static class ClientTenantSelectorGuard
{
    public static void ThrowIfRequestNamesTenant(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var header in request.Headers)
        {
            if (NamesTenant(header.Key, allowPrefix: "x-"))
            {
                throw new RequestValidationException(header.Key, "The tenant comes only from the access token; requests must not name a tenant.");
            }
        }

        foreach (var query in request.Query)
        {
            if (NamesTenant(query.Key, allowPrefix: null))
            {
                throw new RequestValidationException(query.Key, "The tenant comes only from the access token; requests must not name a tenant.");
            }
        }
    }

    // "tenant", "tenantid", "tenant-id", "tenant_id" after an optional "x-"/"x-amz-"-style prefix.
    private static bool NamesTenant(string name, string? allowPrefix)
    {
        var normalized = name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (allowPrefix is not null && name.StartsWith(allowPrefix, StringComparison.OrdinalIgnoreCase))
        {
            normalized = normalized[1..];
        }

        return normalized is "tenant" or "tenantid" or "tenantname" or "tenants";
    }
}
