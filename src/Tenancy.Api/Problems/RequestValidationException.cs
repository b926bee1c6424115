namespace Tenancy.Api.Problems;

/// <summary>The request is well-formed but its content is not acceptable; 400 with the field errors.</summary>
public sealed class RequestValidationException : ApiProblemException
{
    private readonly IReadOnlyDictionary<string, string[]> _errors;

    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The request is not valid.", "The request has validation errors.")
    {
        _errors = errors;
    }

    public RequestValidationException(string field, string error)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error] })
    {
    }

    public override string Detail => "See errors for the fields to correct.";

    public override IReadOnlyDictionary<string, string[]> Errors => _errors;
}
