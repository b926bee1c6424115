namespace Tenancy.Isolation;

/// <summary>A request could not be narrowed to a servable tenant. Maps to 401/403 problem details at the edge.</summary>
public sealed class TenantAccessDeniedException : Exception
{
    /// <summary>Creates the exception for <paramref name="reason"/> with a message for logs.</summary>
    public TenantAccessDeniedException(TenantAccessDeniedReason reason, string message) : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception for <paramref name="reason"/> with the error that caused it.</summary>
    public TenantAccessDeniedException(TenantAccessDeniedReason reason, string message, Exception innerException) : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why access was denied; callers map it to a status code.</summary>
    public TenantAccessDeniedReason Reason { get; }
}
