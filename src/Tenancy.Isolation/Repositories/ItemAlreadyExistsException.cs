namespace Tenancy.Isolation.Repositories;

/// <summary>An item with the same key already exists.</summary>
public sealed class ItemAlreadyExistsException : TenantDataException
{
    /// <summary>Creates the exception with a message naming the item.</summary>
    public ItemAlreadyExistsException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the conditional-check failure that caused it.</summary>
    public ItemAlreadyExistsException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
