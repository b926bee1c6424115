namespace Tenancy.Lambda.Runtime;

/// <summary>Turns one event payload into a response payload. Exceptions become <c>/error</c> posts.</summary>
public interface ILambdaInvocationHandler
{
    /// <param name="payload">The event bytes exactly as Lambda sent them.</param>
    /// <param name="context">The invocation's context (also available as <see cref="LambdaInvocationContext.Current"/>).</param>
    /// <param name="cancellationToken">Cancelled shortly before the invocation's deadline.</param>
    Task<LambdaResponse> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocationContext context, CancellationToken cancellationToken);
}
