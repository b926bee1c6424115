namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Time overrides for local runs: every Wait state pauses <see cref="WaitMilliseconds"/> and every retry waits
/// <see cref="RetryMilliseconds"/> instead of the definition's seconds (null keeps the definition's timing).
/// </summary>
public sealed record StateMachineRunOptions(int? WaitMilliseconds = null, int? RetryMilliseconds = null)
{
    public static StateMachineRunOptions Fast { get; } = new(WaitMilliseconds: 1, RetryMilliseconds: 1);
}
