namespace Tenancy.Isolation.Repositories;

/// <summary>The item does not exist.</summary>
public sealed class ItemNotFoundException : TenantDataException
{
    public ItemNotFoundException(string message) : base(message)
    {
    }

    public ItemNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
