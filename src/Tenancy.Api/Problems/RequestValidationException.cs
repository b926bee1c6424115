namespace Tenancy.Api.Problems;

/// <summary>The request is well-formed but its content is not acceptable; maps to 400 with the field errors.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("The request has validation errors.")
    {
        Errors = errors;
    }

    public RequestValidationException(string field, string error)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
