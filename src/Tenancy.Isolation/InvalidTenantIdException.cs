namespace Tenancy.Isolation;

/// <summary>A value offered as a tenant id is not one; the message says exactly why.</summary>
public sealed class InvalidTenantIdException : FormatException
{
    /// <summary>Creates the exception with a message saying why the value is not a tenant id.</summary>
    public InvalidTenantIdException(string message) : base(message)
    {
    }
}
