namespace Tenancy.Lambda.Runtime;

/// <summary>Settings of the invocation loop.</summary>
public sealed class LambdaRuntimeOptions
{
    /// <summary>The buffered-response limit of the Runtime API (6 MiB). Larger results are reported as errors instead.</summary>
    public const int DefaultMaxResponseBytes = 6 * 1024 * 1024;

    /// <summary><c>host:port</c> of the Runtime API; defaults to <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string? RuntimeApiAddress { get; set; } = LambdaEnvironment.RuntimeApiAddress;

    /// <summary>Which typed handler to run (see <c>LambdaFunctionHost</c>); defaults to <c>_HANDLER</c>.</summary>
    public string? HandlerName { get; set; } = LambdaEnvironment.Handler;

    /// <summary>Responses above this size are turned into a <c>Function.ResponseSizeTooLarge</c> error.</summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// How long before the deadline the handler's cancellation token fires, leaving time to post a timeout
    /// response before Lambda stops the invocation.
    /// </summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Process one event and return (tests, <c>AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE</c>-style debugging).</summary>
    public bool RunOnce { get; set; }

    /// <summary>The clock used for deadlines; replaceable in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
