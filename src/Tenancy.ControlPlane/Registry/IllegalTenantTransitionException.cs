using Tenancy.Isolation;
using Tenancy.Isolation.Registry;

namespace Tenancy.ControlPlane.Registry;

/// <summary>
/// The tenant is not in a state the requested change may start from (a skipped step, a concurrent execution that won,
/// an offboarded tenant). Its type name is the error a state machine catches.
/// </summary>
public sealed class IllegalTenantTransitionException : Exception
{
    public IllegalTenantTransitionException(TenantId tenantId, string transition, TenantStatus current)
        : base($"Tenant '{tenantId.Value}' cannot '{transition}' from status {TenantRegistryItemCodec.StatusName(current)}.")
    {
        TenantId = tenantId;
        Transition = transition;
        Current = current;
    }

    public TenantId TenantId { get; }

    public string Transition { get; }

    public TenantStatus Current { get; }
}
