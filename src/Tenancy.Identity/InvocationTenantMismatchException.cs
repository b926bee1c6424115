namespace Tenancy.Identity;

/// <summary>
/// The platform routed the invocation for one tenant (Lambda tenant isolation mode) but the verified token names
/// another. Hosts answer 403: the execution environment must never hold another tenant's data or credentials.
/// </summary>
public sealed class InvocationTenantMismatchException : Exception
{
    /// <summary>Creates the exception; the message names neither tenant.</summary>
    public InvocationTenantMismatchException()
        : base("The token's tenant is not the tenant this invocation was routed for.")
    {
    }
}
