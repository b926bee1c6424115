namespace Tenancy.Observability.Metrics;

/// <summary>
/// A metric, dimension, metadata member or namespace that would make an invalid Embedded Metric Format document.
/// The message names the member and the rule it breaks. Nothing invalid is ever written.
/// </summary>
public sealed class EmfValidationException : ArgumentException
{
    public EmfValidationException()
    {
    }

    public EmfValidationException(string message)
        : base(message)
    {
    }

    public EmfValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmfValidationException(string message, string? paramName)
        : base(message, paramName)
    {
    }
}
