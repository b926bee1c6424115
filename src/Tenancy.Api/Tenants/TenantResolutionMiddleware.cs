using Tenancy.Identity;
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
    private readonly IServiceProvider _services;

    // Resolved on the first tenant request, not when the pipeline is built: the verifier (JWKS HttpClient) and the
    // scope factory (registry, STS and KMS clients) are not part of the cold start of a request that needs no tenant.
    // A race resolves the same singleton twice, which is harmless.
    private AccessTokenVerifier? _verifier;
    private TenantScopeFactory? _scopes;
    private ITenantRegistry? _registry;

    public TenantResolutionMiddleware(RequestDelegate next, IServiceProvider services)
    {
        _next = next;
        _services = services;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ClientTenantSelectorGuard.ThrowIfRequestNamesTenant(context.Request);
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresTenant>() is null)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var verifier = _verifier ??= _services.GetRequiredService<AccessTokenVerifier>();
        var scopes = _scopes ??= _services.GetRequiredService<TenantScopeFactory>();
        var authorization = context.Request.Headers.Authorization.ToString();
        var verifying = verifier.VerifyAsync(authorization, context.RequestAborted);
        var prefetch = verifying.IsCompleted
            ? Task.CompletedTask
            : ColdRegistryPrefetch.Start(_registry ??= _services.GetRequiredService<ITenantRegistry>(), authorization);
        var user = await verifying.ConfigureAwait(false);
        await prefetch.ConfigureAwait(false);
        InvocationTenantCheck.EnsureSameTenant(context.GetLambdaInvocationContext()?.TenantId, user);
        var writing = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        // A write needs the freeze checked on the same (cached) registration the scope is built from: a tier change
        // copies only after every instance's cache shows the freeze, so no write can land in the table being left.
        var registration = writing
            ? await (_registry ??= _services.GetRequiredService<ITenantRegistry>()).FindAsync(user.TenantId, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (registration is { IsWriteFrozen: true })
        {
            throw new TenantMovingException();
        }

        var scope = await scopes.CreateAsync(user.TenantId, new TenantRequestor(user.Subject), context.RequestAborted).ConfigureAwait(false);
        if (registration is not null && scope.Placement != registration.Placement)
        {
            throw new TenantMovingException(); // The placement changed between the check and the scope: a move switched.
        }

        context.Features.Set(new RequestTenant(user, scope));
        using (AmbientTenant.Enter(scope))
        {
            await _next(context).ConfigureAwait(false);
        }
    }
}
