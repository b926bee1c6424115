namespace Tenancy.Isolation.Repositories;

/// <summary>The item was changed by someone else (version mismatch).</summary>
public sealed class ConcurrencyConflictException : TenantDataException
{
    /// <summary>Creates the exception with a message naming the item.</summary>
    public ConcurrencyConflictException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the conditional-check failure that caused it.</summary>
    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
