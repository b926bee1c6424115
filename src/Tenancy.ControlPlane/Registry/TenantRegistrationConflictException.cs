using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Registry;

/// <summary>The tenant id is already registered with another tier: a re-sent registration must be the same one.</summary>
public sealed class TenantRegistrationConflictException : Exception
{
    public TenantRegistrationConflictException(TenantId tenantId, string message)
        : base($"Tenant '{tenantId.Value}' is already registered differently: {message}")
    {
        TenantId = tenantId;
    }

    public TenantId TenantId { get; }
}
