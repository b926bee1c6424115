namespace Tenancy.Lambda.Functions;

/// <summary>The event could not be read as the handler's input type; reported as the invocation's error.</summary>
public sealed class LambdaEventException : Exception
{
    public LambdaEventException(string message) : base(message)
    {
    }

    public LambdaEventException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public LambdaEventException()
    {
    }
}
