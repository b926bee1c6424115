using Tenancy.Identity;

namespace Tenancy.Api.Identity;

/// <summary>
/// In Lambda tenant isolation mode the Runtime API names the tenant of the execution environment; the verified token
/// must name the same one. Without isolation mode (no tenant on the invocation) and outside Lambda there is nothing to
/// compare, and the token's tenant alone decides.
/// </summary>
public static class LambdaTenantGuard
{
    public static void ThrowIfRoutedForAnotherTenant(HttpContext context, VerifiedUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var routedTenant = context.GetLambdaInvocationContext()?.TenantId;
        if (routedTenant is not null && !string.Equals(routedTenant, user.TenantId.Value, StringComparison.Ordinal))
        {
            throw new LambdaTenantMismatchException();
        }
    }
}
