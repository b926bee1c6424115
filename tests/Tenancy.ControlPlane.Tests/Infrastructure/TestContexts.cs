using Tenancy.Lambda;

namespace Tenancy.ControlPlane.Tests.Infrastructure;

internal static class TestContexts
{
    public static LambdaInvocationContext Invocation() => new(
        Guid.NewGuid().ToString(),
        DateTimeOffset.UtcNow.AddSeconds(30),
        "arn:aws:lambda:eu-west-1:123456789012:function:tenancy-control-plane",
        new LambdaFunctionSettings("tenancy-control-plane", "$LATEST", 512, "/aws/lambda/tenancy-control-plane", "/aws/lambda/tenancy-control-plane/stream", "eu-west-1"));
}
