namespace Tenancy.Lambda.Runtime;

/// <summary>Where the process runs: Lambda mode is decided by <c>AWS_LAMBDA_RUNTIME_API</c>, the variable a custom runtime needs.</summary>
public static class LambdaEnvironment
{
    /// <summary>The variable holding the Runtime API's <c>host:port</c>; set only inside Lambda.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    /// <summary>The variable holding the function's configured handler string.</summary>
    public const string HandlerVariable = "_HANDLER";

    /// <summary><c>host:port</c> of the Runtime API, or null outside Lambda.</summary>
    public static string? RuntimeApiAddress =>
        Environment.GetEnvironmentVariable(RuntimeApiVariable) is { Length: > 0 } address ? address : null;

    /// <summary>True when a Runtime API is available, i.e. the process is a Lambda custom runtime.</summary>
    public static bool IsLambda => RuntimeApiAddress is not null;

    /// <summary>The function's handler setting (<c>_HANDLER</c>), used to pick one of several handlers in one binary.</summary>
    public static string? Handler => Environment.GetEnvironmentVariable(HandlerVariable);
}
