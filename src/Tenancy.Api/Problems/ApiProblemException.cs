namespace Tenancy.Api.Problems;

/// <summary>
/// An exception that knows what it means over HTTP: its status, problem <c>type</c> and title. API code throws a
/// subclass, and the problem middleware writes it as it describes itself, so the shared mapping never has to know the
/// feature that threw it. The <see cref="Exception.Message"/> is the problem's <c>detail</c> unless a subclass says
/// otherwise, so it must be safe to show to the client.
/// </summary>
public abstract class ApiProblemException : Exception
{
    protected ApiProblemException(int status, string problemType, string title, string message)
        : base(message)
    {
        Status = status;
        ProblemType = problemType;
        Title = title;
    }

    protected ApiProblemException(int status, string problemType, string title, string message, Exception innerException)
        : base(message, innerException)
    {
        Status = status;
        ProblemType = problemType;
        Title = title;
    }

    public int Status { get; }

    public string ProblemType { get; }

    public string Title { get; }

    /// <summary>The problem's <c>detail</c>; the message by default.</summary>
    public virtual string? Detail => Message;

    /// <summary>Field errors (field → messages) for validation problems; none by default.</summary>
    public virtual IReadOnlyDictionary<string, string[]>? Errors => null;

    public ApiProblem ToProblem() => new(ProblemType, Title, Status, Detail, null) { Errors = Errors };
}
