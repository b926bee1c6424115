namespace Tenancy.Local.Functions;

/// <summary>
/// Invokes a function of <c>template.yaml</c> by its logical id the way Lambda's Invoke does: the function's real
/// Native-AOT bootstrap, served the event through a local Lambda Runtime API.
/// </summary>
public interface ILocalFunctionInvoker
{
    Task<LocalInvocationResult> InvokeAsync(string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
