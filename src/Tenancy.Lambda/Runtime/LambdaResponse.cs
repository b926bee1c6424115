namespace Tenancy.Lambda.Runtime;

/// <summary>
/// A handler's result: the bytes to post to <c>/response</c>, and optional work to run once they were delivered
/// (ASP.NET Core <c>OnCompleted</c> callbacks), before the runtime asks for the next event.
/// </summary>
public sealed class LambdaResponse
{
    /// <summary>Creates a response; <paramref name="afterResponseSent"/> runs after the Runtime API accepted it.</summary>
    public LambdaResponse(ReadOnlyMemory<byte> payload, Func<Task>? afterResponseSent = null)
    {
        Payload = payload;
        AfterResponseSent = afterResponseSent;
    }

    /// <summary>The bytes posted to <c>/response</c>.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Work to run after the response was delivered and before the next event is requested, or null.</summary>
    public Func<Task>? AfterResponseSent { get; }
}
