using Tenancy.Api.Identity;
using Tenancy.Isolation;

namespace Tenancy.Api.Tenants;

/// <summary>
/// Narrows every tenant endpoint's request to exactly one tenant: verifies the access token, takes the tenant from
/// its verified claim only, and asks <see cref="TenantScopeFactory"/> for a scope (the registry must say ACTIVE; the
/// clients carry credentials vended for that tenant). Any failure throws before the endpoint runs, and the problem
/// middleware turns it into 401/403; there is no path that reaches an endpoint without a scope.
/// </summary>
public sealed class TenantResolutionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly AccessTokenVerifier _verifier;
    private readonly TenantScopeFactory _scopes;

    public TenantResolutionMiddleware(RequestDelegate next, AccessTokenVerifier verifier, TenantScopeFactory scopes)
    {
        _next = next;
        _verifier = verifier;
        _scopes = scopes;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ClientTenantSelectorGuard.ThrowIfRequestNamesTenant(context.Request);
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresTenant>() is null)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var user = await _verifier.VerifyAsync(context.Request.Headers.Authorization, context.RequestAborted).ConfigureAwait(false);
        var scope = await _scopes.CreateAsync(user.TenantId, new TenantRequestor(user.Subject), context.RequestAborted).ConfigureAwait(false);
        context.Features.Set(new RequestTenant(user, scope));
        using (AmbientTenant.Enter(scope))
        {
            await _next(context).ConfigureAwait(false);
        }
    }
}
