namespace Tenancy.Isolation.Repositories;

/// <summary>Base of the typed errors generated repositories throw; callers map them to 4xx responses.</summary>
public abstract class TenantDataException : Exception
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    protected TenantDataException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    protected TenantDataException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
