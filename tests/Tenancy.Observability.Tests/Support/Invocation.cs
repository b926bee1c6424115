using Tenancy.Lambda;

namespace Tenancy.Observability.Tests.Support;

/// <summary>Makes a Lambda invocation current for the rest of the test's flow, as the runtime client does.</summary>
internal static class Invocation
{
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:tenancy-api";
    public const string TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    public static readonly LambdaFunctionSettings Function = new("tenancy-api", "$LATEST", 512, "/aws/lambda/tenancy-api", "2026/11/27/[$LATEST]abc", "eu-west-1");

    public static LambdaInvocationContext Begin(string requestId, string? traceHeader = TraceHeader)
    {
        var context = new LambdaInvocationContext(
            requestId,
            GoldenClock.Instant.AddSeconds(30),
            FunctionArn,
            Function,
            traceHeader);
        LambdaInvocationContext.Current = context;
        return context;
    }

    public static void End() => LambdaInvocationContext.Current = null;
}
