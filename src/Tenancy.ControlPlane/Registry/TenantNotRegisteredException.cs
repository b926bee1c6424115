using Tenancy.Isolation;

namespace Tenancy.ControlPlane.Registry;

/// <summary>The tenant has no registry item (or one that cannot be read strictly), so no transition can apply to it.</summary>
public sealed class TenantNotRegisteredException : Exception
{
    public TenantNotRegisteredException(TenantId tenantId, string? reason = null)
        : base(reason is null ? $"Tenant '{tenantId.Value}' is not registered." : $"Tenant '{tenantId.Value}' has an unreadable registry item: {reason}.")
    {
        TenantId = tenantId;
    }

    public TenantId TenantId { get; }
}
