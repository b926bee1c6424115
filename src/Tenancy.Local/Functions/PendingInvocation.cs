namespace Tenancy.Local.Functions;

/// <summary>An event handed to the runtime by <c>GET next</c>, waiting for its <c>/response</c> or <c>/error</c>.</summary>
internal sealed class PendingInvocation(string requestId, ReadOnlyMemory<byte> payload, DateTimeOffset deadline, string functionArn)
{
    private int _answered;

    public string RequestId { get; } = requestId;

    public ReadOnlyMemory<byte> Payload { get; } = payload;

    public DateTimeOffset Deadline { get; } = deadline;

    public string FunctionArn { get; } = functionArn;

    public TaskCompletionSource<RuntimeApiAnswer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True for the first answer only: a second one is an invalid state transition.</summary>
    public bool TryMarkAnswered() => Interlocked.Exchange(ref _answered, 1) == 0;
}
