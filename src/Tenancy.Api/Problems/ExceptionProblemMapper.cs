namespace Tenancy.Api.Problems;

/// <summary>
/// Decides what a thrown failure looks like to a client, without knowing any feature: an
/// <see cref="ApiProblemException"/> describes itself; other exceptions are offered to the registered
/// <see cref="IExceptionProblemMapping"/>s in registration order; anything no one claims is a 500 whose body says
/// nothing about the cause (the cause goes to the log).
/// </summary>
public sealed class ExceptionProblemMapper
{
    private readonly IExceptionProblemMapping[] _mappings;

    public ExceptionProblemMapper(IEnumerable<IExceptionProblemMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        _mappings = mappings.ToArray();
    }

    public ApiProblem Map(Exception exception, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        if (exception is ApiProblemException described)
        {
            return described.ToProblem();
        }

        foreach (var mapping in _mappings)
        {
            if (mapping.TryMap(exception, context) is { } problem)
            {
                return problem;
            }
        }

        return StatusProblems.For(StatusCodes.Status500InternalServerError);
    }
}
