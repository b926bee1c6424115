namespace Tenancy.Isolation.Repositories;

/// <summary>An item with the same key already exists.</summary>
public sealed class ItemAlreadyExistsException : TenantDataException
{
    public ItemAlreadyExistsException(string message) : base(message)
    {
    }

    public ItemAlreadyExistsException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
