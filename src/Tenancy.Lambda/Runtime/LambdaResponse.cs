namespace Tenancy.Lambda.Runtime;

/// <summary>
/// A handler's result: the bytes to post to <c>/response</c>, and optional work to run once they were delivered
/// (ASP.NET Core <c>OnCompleted</c> callbacks), before the runtime asks for the next event.
/// </summary>
public sealed class LambdaResponse
{
    public LambdaResponse(ReadOnlyMemory<byte> payload, Func<Task>? afterResponseSent = null)
    {
        Payload = payload;
        AfterResponseSent = afterResponseSent;
    }

    public ReadOnlyMemory<byte> Payload { get; }

    public Func<Task>? AfterResponseSent { get; }
}
