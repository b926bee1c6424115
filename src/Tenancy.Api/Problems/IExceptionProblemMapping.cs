namespace Tenancy.Api.Problems;

/// <summary>
/// Describes exceptions the API does not own (a library's typed exceptions, the framework's) as problems. The module
/// that owns a concern registers its mapping with
/// <see cref="ProblemServiceCollectionExtensions.AddExceptionProblemMapping{TMapping}"/>.
/// </summary>
public interface IExceptionProblemMapping
{
    /// <summary>The problem for <paramref name="exception"/>, or null when this mapping does not know it.</summary>
    ApiProblem? TryMap(Exception exception, HttpContext context);
}
