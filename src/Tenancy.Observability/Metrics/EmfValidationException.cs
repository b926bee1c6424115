namespace Tenancy.Observability.Metrics;

/// <summary>
/// A metric, dimension, metadata member or namespace that would make an invalid Embedded Metric Format document.
/// The message names the member and the rule it breaks. Nothing invalid is ever written.
/// </summary>
public sealed class EmfValidationException : ArgumentException
{
    /// <summary>Creates the exception with the default message.</summary>
    public EmfValidationException()
    {
    }

    /// <summary>Creates the exception with a message naming the member and the rule it breaks.</summary>
    public EmfValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public EmfValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the argument that held the invalid value.</summary>
    public EmfValidationException(string message, string? paramName)
        : base(message, paramName)
    {
    }
}
