namespace Tenancy.Isolation;

/// <summary>A request could not be narrowed to a servable tenant. Maps to 401/403 problem details at the edge.</summary>
public sealed class TenantAccessDeniedException : Exception
{
    public TenantAccessDeniedException(TenantAccessDeniedReason reason, string message) : base(message)
    {
        Reason = reason;
    }

    public TenantAccessDeniedException(TenantAccessDeniedReason reason, string message, Exception innerException) : base(message, innerException)
    {
        Reason = reason;
    }

    public TenantAccessDeniedReason Reason { get; }
}
