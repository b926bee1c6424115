namespace Tenancy.Isolation.Objects;

/// <summary>The platform (IAM) refused an object operation: the request left the tenant's prefix or the session's permissions.</summary>
public sealed class TenantObjectAccessDeniedException : TenantObjectException
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    public TenantObjectAccessDeniedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public TenantObjectAccessDeniedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
