namespace Tenancy.Isolation.Objects;

/// <summary>An object name or area was refused: empty, too long, a path, a dot segment, or a control or invisible character.</summary>
public sealed class InvalidObjectNameException : TenantObjectException
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    public InvalidObjectNameException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public InvalidObjectNameException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
