namespace Tenancy.Isolation.Repositories;

/// <summary>The continuation token is not valid for this tenant and query.</summary>
public sealed class InvalidContinuationTokenException : TenantDataException
{
    public InvalidContinuationTokenException(string message) : base(message)
    {
    }

    public InvalidContinuationTokenException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
