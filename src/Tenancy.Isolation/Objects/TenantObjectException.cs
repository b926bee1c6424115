using Tenancy.Isolation.Repositories;

namespace Tenancy.Isolation.Objects;

/// <summary>Base of the typed errors of <see cref="TenantObjectStore"/>; callers map them to 4xx responses.</summary>
public abstract class TenantObjectException : TenantDataException
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    protected TenantObjectException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    protected TenantObjectException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
