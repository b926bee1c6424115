namespace Tenancy.Isolation.Objects;

/// <summary>The tenant has no object with this name in this area.</summary>
public sealed class TenantObjectNotFoundException : TenantObjectException
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    public TenantObjectNotFoundException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public TenantObjectNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
