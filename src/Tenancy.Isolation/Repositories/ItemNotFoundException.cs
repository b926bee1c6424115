namespace Tenancy.Isolation.Repositories;

/// <summary>The item does not exist.</summary>
public sealed class ItemNotFoundException : TenantDataException
{
    /// <summary>Creates the exception with a message naming the item.</summary>
    public ItemNotFoundException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the conditional-check failure that caused it.</summary>
    public ItemNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
