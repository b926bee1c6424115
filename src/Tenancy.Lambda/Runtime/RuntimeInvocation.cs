namespace Tenancy.Lambda.Runtime;

/// <summary>One event handed out by <c>GET /runtime/invocation/next</c>: the payload bytes and the invocation's context.</summary>
public sealed record RuntimeInvocation(ReadOnlyMemory<byte> Payload, LambdaInvocationContext Context);
