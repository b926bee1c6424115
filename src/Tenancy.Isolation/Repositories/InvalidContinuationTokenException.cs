namespace Tenancy.Isolation.Repositories;

/// <summary>The continuation token is not valid for this tenant and query.</summary>
public sealed class InvalidContinuationTokenException : TenantDataException
{
    /// <summary>Creates the exception with a message saying why the token was rejected.</summary>
    public InvalidContinuationTokenException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the decoding error that caused it.</summary>
    public InvalidContinuationTokenException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
