namespace Tenancy.Isolation.Objects;

/// <summary>An object is larger than the store's size limit.</summary>
public sealed class ObjectTooLargeException : TenantObjectException
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    public ObjectTooLargeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public ObjectTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
