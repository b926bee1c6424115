namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Fails chosen states with a chosen error before they reach the real dispatcher, so tests can prove what a failure
/// at any step leaves behind. Each injection fires for every attempt of its state (so retries are exhausted).
/// </summary>
public sealed class FaultInjectingTaskDispatcher : IStateMachineTaskDispatcher
{
    private readonly IStateMachineTaskDispatcher _inner;
    private readonly Dictionary<string, (string Error, string Cause)> _faults = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public FaultInjectingTaskDispatcher(IStateMachineTaskDispatcher inner) => _inner = inner;

    public void FailState(string stateName, string error = "States.TaskFailed", string cause = "Injected failure.")
    {
        lock (_gate)
        {
            _faults[stateName] = (error, cause);
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public Task<StateMachineTaskOutcome> DispatchAsync(StateMachineTaskRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_faults.TryGetValue(request.StateName, out var fault))
            {
                return Task.FromResult(StateMachineTaskOutcome.Failure(fault.Error, fault.Cause));
            }
        }

        return _inner.DispatchAsync(request, cancellationToken);
    }
}
