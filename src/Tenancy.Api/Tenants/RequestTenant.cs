using System.Reflection;
using Tenancy.Identity;
using Tenancy.Isolation;

namespace Tenancy.Api.Tenants;

/// <summary>
/// The verified user and the tenant scope of the current request, as an endpoint parameter. It is only ever set by
/// <see cref="TenantResolutionMiddleware"/>; an endpoint that asks for it on a request that was not resolved fails
/// closed instead of running without a tenant.
/// </summary>
public sealed class RequestTenant
{
    public RequestTenant(VerifiedUser user, TenantScope scope)
    {
        User = user;
        Scope = scope;
    }

    public VerifiedUser User { get; }

    public TenantScope Scope { get; }

    public static ValueTask<RequestTenant?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<RequestTenant>() is { } tenant
            ? ValueTask.FromResult<RequestTenant?>(tenant)
            : throw new InvalidOperationException("The endpoint requires a tenant but the request was not resolved to one.");
    }
}
