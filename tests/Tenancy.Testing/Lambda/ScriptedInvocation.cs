namespace Tenancy.Testing.Lambda;

/// <summary>What the fake Runtime API sends with one event.</summary>
public sealed record ScriptedInvocation
{
    public string RequestId { get; init; } = Guid.NewGuid().ToString();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public string FunctionArn { get; init; } = "arn:aws:lambda:eu-west-1:123456789012:function:tenancy-test";

    public string? TraceId { get; init; }

    public string? ClientContext { get; init; }

    public string? CognitoIdentity { get; init; }

    public string? TenantId { get; init; }

    public string? InvocationId { get; init; }

    /// <summary>Answer the runtime's post with 410, as Lambda does for an invocation that already timed out.</summary>
    public bool AnswerGone { get; init; }
}
