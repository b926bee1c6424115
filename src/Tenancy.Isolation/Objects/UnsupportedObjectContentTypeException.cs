namespace Tenancy.Isolation.Objects;

/// <summary>An object's content type is not on the store's allow-list.</summary>
public sealed class UnsupportedObjectContentTypeException : TenantObjectException
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    public UnsupportedObjectContentTypeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public UnsupportedObjectContentTypeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
