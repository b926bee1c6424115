using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tenancy.Identity;
using Tenancy.Isolation;

namespace Tenancy.Api.Tenants;

/// <summary>
/// On a cold first request the token verifier has to fetch the issuer's JWKS before it can trust the tenant claim,
/// and only then would the registry be read: two sequential round trips. While that fetch is in flight this reads the
/// registry entry of the tenant the (still unverified) token names, so both run at once. It only warms the registry's
/// cache — nothing is decided from the unverified claim, no credentials are vended for it — and it runs only while a
/// JWKS fetch is pending, which the key store already limits (cold start, rotation at most every 30 s).
/// </summary>
public static class ColdRegistryPrefetch
{
    /// <summary>Starts the registry read for the token's claimed tenant; the task never fails.</summary>
    public static Task Start(ITenantRegistry registry, string? authorizationHeader)
    {
        if (!TryReadClaimedTenant(authorizationHeader, out var tenantId))
        {
            return Task.CompletedTask;
        }

        return ReadAsync(registry, tenantId);
    }

    private static async Task ReadAsync(ITenantRegistry registry, TenantId tenantId)
    {
        try
        {
            await registry.FindAsync(tenantId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failed warm-up changes nothing: the verified request reads the registry itself and reports the failure.
        }
    }

    private static bool TryReadClaimedTenant(string? authorizationHeader, out TenantId tenantId)
    {
        tenantId = default;
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorizationHeader.Length > 16 * 1024)
        {
            return false;
        }

        try
        {
            var token = new JsonWebToken(authorizationHeader[scheme.Length..].Trim());
            return token.TryGetClaim(AccessTokenVerifier.TenantClaim, out var claimed) && TenantId.TryParse(claimed.Value, out tenantId);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return false;
        }
    }
}
