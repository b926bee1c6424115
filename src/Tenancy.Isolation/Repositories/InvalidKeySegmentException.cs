namespace Tenancy.Isolation.Repositories;

/// <summary>A key value is not allowed in a key segment.</summary>
public sealed class InvalidKeySegmentException : TenantDataException
{
    public InvalidKeySegmentException(string message) : base(message)
    {
    }

    public InvalidKeySegmentException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
