namespace Tenancy.Isolation.Registry;

/// <summary>
/// The registry holds an item for the tenant that cannot be served: an unknown tier, status or model, or a missing
/// placement attribute. The tenant is refused (fail closed) until the control plane repairs the item.
/// </summary>
public sealed class UnservableTenantRegistrationException : Exception
{
    /// <summary>Creates the exception for the tenant whose registration can't be served, and why.</summary>
    public UnservableTenantRegistrationException(TenantId tenantId, string reason)
        : base($"The registration of tenant '{tenantId}' cannot be served: {reason}.")
    {
        TenantId = tenantId;
        Reason = reason;
    }

    /// <summary>The tenant whose registration is unusable.</summary>
    public TenantId TenantId { get; }

    /// <summary>What is wrong with the registration.</summary>
    public string Reason { get; }
}
