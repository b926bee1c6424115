namespace Tenancy.Identity;

/// <summary>
/// Compares the tenant the platform routed an invocation for (Lambda's <c>Lambda-Runtime-Aws-Tenant-Id</c> in tenant
/// isolation mode) with the verified token's. Without isolation mode there is no routed tenant and nothing to compare:
/// the token's tenant alone decides.
/// </summary>
public static class InvocationTenantCheck
{
    /// <summary>Throws when <paramref name="routedTenantId"/> is set and is not exactly the token's tenant.</summary>
    /// <param name="routedTenantId">The invocation's tenant id as the platform sent it, or null.</param>
    /// <param name="user">The verified caller.</param>
    /// <exception cref="InvocationTenantMismatchException">The two tenants differ.</exception>
    public static void EnsureSameTenant(string? routedTenantId, VerifiedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (routedTenantId is not null && !string.Equals(routedTenantId, user.TenantId.Value, StringComparison.Ordinal))
        {
            throw new InvocationTenantMismatchException();
        }
    }
}
