namespace Tenancy.Isolation.Repositories;

/// <summary>A stored item does not match the entity's shape (missing required attribute, wrong type, unparsable value).</summary>
public sealed class ItemMappingException : TenantDataException
{
    public ItemMappingException(string message) : base(message)
    {
    }

    public ItemMappingException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
