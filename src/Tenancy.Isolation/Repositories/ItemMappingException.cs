namespace Tenancy.Isolation.Repositories;

/// <summary>A stored item does not match the entity's shape (missing required attribute, wrong type, unparsable value).</summary>
public sealed class ItemMappingException : TenantDataException
{
    /// <summary>Creates the exception with a message naming the attribute and the problem.</summary>
    public ItemMappingException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the parsing error that caused it.</summary>
    public ItemMappingException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
