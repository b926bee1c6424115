namespace Tenancy.Lambda;

/// <summary>
/// What the Lambda Runtime API says about the invocation being handled, plus the function's static settings.
/// Reachable from handlers, from <c>HttpContext.Features</c> in the API Gateway server, and from
/// <see cref="Current"/> for cross-cutting code such as loggers and metrics.
/// </summary>
public sealed class LambdaInvocationContext
{
    private static readonly AsyncLocal<LambdaInvocationContext?> CurrentContext = new();

    /// <summary>Creates the context from the Runtime API's <c>next</c> response headers.</summary>
    public LambdaInvocationContext(
        string awsRequestId,
        DateTimeOffset deadline,
        string invokedFunctionArn,
        LambdaFunctionSettings function,
        string? traceId = null,
        string? clientContextJson = null,
        string? cognitoIdentityJson = null,
        string? tenantId = null,
        string? invocationId = null,
        TimeProvider? timeProvider = null)
    {
        AwsRequestId = awsRequestId ?? throw new ArgumentNullException(nameof(awsRequestId));
        Deadline = deadline;
        InvokedFunctionArn = invokedFunctionArn ?? string.Empty;
        Function = function ?? throw new ArgumentNullException(nameof(function));
        TraceId = traceId;
        ClientContextJson = clientContextJson;
        CognitoIdentityJson = cognitoIdentityJson;
        TenantId = tenantId;
        InvocationId = invocationId;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The invocation in progress on this asynchronous flow, or null outside an invocation.</summary>
    public static LambdaInvocationContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }

    /// <summary><c>Lambda-Runtime-Aws-Request-Id</c>.</summary>
    public string AwsRequestId { get; }

    /// <summary><c>Lambda-Runtime-Deadline-Ms</c> as an instant.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary><c>Lambda-Runtime-Invoked-Function-Arn</c>.</summary>
    public string InvokedFunctionArn { get; }

    /// <summary>The function's static settings, the same for every invocation.</summary>
    public LambdaFunctionSettings Function { get; }

    /// <summary><c>Lambda-Runtime-Trace-Id</c> (X-Ray header value), also exported as <c>_X_AMZN_TRACE_ID</c>.</summary>
    public string? TraceId { get; }

    /// <summary><c>Lambda-Runtime-Client-Context</c> as sent (JSON), for mobile SDK callers.</summary>
    public string? ClientContextJson { get; }

    /// <summary><c>Lambda-Runtime-Cognito-Identity</c> as sent (JSON).</summary>
    public string? CognitoIdentityJson { get; }

    /// <summary>The tenant id Lambda supplies in tenant isolation mode (<c>Lambda-Runtime-Aws-Tenant-Id</c>), if any.</summary>
    public string? TenantId { get; }

    /// <summary><c>Lambda-Runtime-Invocation-Id</c>, echoed back on the response when present.</summary>
    public string? InvocationId { get; }

    /// <summary>The clock <see cref="RemainingTime"/> is measured with; replaceable in tests.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Time left before <see cref="Deadline"/>, never negative.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = Deadline - TimeProvider.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }
}
