namespace Tenancy.Lambda.Functions;

/// <summary>The event could not be read as the handler's input type; reported as the invocation's error.</summary>
public sealed class LambdaEventException : Exception
{
    /// <summary>Creates the exception with a message naming the handler and the reason the event was rejected.</summary>
    public LambdaEventException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the deserialization error that caused it.</summary>
    public LambdaEventException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public LambdaEventException()
    {
    }
}
