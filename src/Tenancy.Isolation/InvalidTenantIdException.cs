namespace Tenancy.Isolation;

/// <summary>A value offered as a tenant id is not one; the message says exactly why.</summary>
public sealed class InvalidTenantIdException : FormatException
{
    public InvalidTenantIdException(string message) : base(message)
    {
    }
}
