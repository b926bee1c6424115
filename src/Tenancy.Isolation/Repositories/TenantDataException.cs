namespace Tenancy.Isolation.Repositories;

/// <summary>Base of the typed errors generated repositories throw; callers map them to 4xx responses.</summary>
public abstract class TenantDataException : Exception
{
    protected TenantDataException(string message) : base(message)
    {
    }

    protected TenantDataException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
