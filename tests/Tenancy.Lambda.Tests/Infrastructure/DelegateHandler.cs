using Tenancy.Lambda.Runtime;

namespace Tenancy.Lambda.Tests.Infrastructure;

/// <summary>An invocation handler made of a lambda, for loop tests.</summary>
internal sealed class DelegateHandler(Func<ReadOnlyMemory<byte>, LambdaInvocationContext, CancellationToken, Task<LambdaResponse>> invoke) : ILambdaInvocationHandler
{
    public Task<LambdaResponse> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocationContext context, CancellationToken cancellationToken) =>
        invoke(payload, context, cancellationToken);
}
