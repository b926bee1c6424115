namespace Tenancy.Lambda.Runtime;

/// <summary>
/// The Runtime API answered in a way that leaves the runtime nothing sensible to do (5xx "container error", 403 on
/// <c>next</c>, a <c>next</c> response without a request id). The loop stops and the process exits.
/// </summary>
public sealed class RuntimeApiException : Exception
{
    /// <summary>Creates the exception with a message naming the failed call.</summary>
    public RuntimeApiException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the transport error that caused it.</summary>
    public RuntimeApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public RuntimeApiException()
    {
    }
}
