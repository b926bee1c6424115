namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>Performs the Task states of a locally executed state machine.</summary>
public interface IStateMachineTaskDispatcher
{
    Task<StateMachineTaskOutcome> DispatchAsync(StateMachineTaskRequest request, CancellationToken cancellationToken);
}
