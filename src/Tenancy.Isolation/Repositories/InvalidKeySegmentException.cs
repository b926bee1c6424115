namespace Tenancy.Isolation.Repositories;

/// <summary>A key value is not allowed in a key segment.</summary>
public sealed class InvalidKeySegmentException : TenantDataException
{
    /// <summary>Creates the exception with a message naming the key value and the problem.</summary>
    public InvalidKeySegmentException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public InvalidKeySegmentException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
