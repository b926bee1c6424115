namespace Tenancy.Local.Functions;

/// <summary>
/// What an invocation returned: the response payload, or for a function error (Lambda's <c>X-Amz-Function-Error</c>)
/// the error payload with its <c>errorType</c>.
/// </summary>
public sealed record LocalInvocationResult(ReadOnlyMemory<byte> Payload, string? FunctionErrorType)
{
    public bool IsFunctionError => FunctionErrorType is not null;
}
