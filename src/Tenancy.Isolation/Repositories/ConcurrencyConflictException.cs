namespace Tenancy.Isolation.Repositories;

/// <summary>The item was changed by someone else (version mismatch).</summary>
public sealed class ConcurrencyConflictException : TenantDataException
{
    public ConcurrencyConflictException(string message) : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
