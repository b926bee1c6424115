namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Fails chosen states with a chosen error before they reach the real dispatcher, so tests can prove what a failure
/// at any step leaves behind. An injection fires for every attempt of its state (so retries are exhausted) unless it
/// was given a number of attempts (a transient failure that the state's own Retry absorbs).
/// </summary>
public sealed class FaultInjectingTaskDispatcher : IStateMachineTaskDispatcher
{
    private readonly IStateMachineTaskDispatcher _inner;
    private readonly Dictionary<string, (string Error, string Cause, int AttemptsLeft)> _faults = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public FaultInjectingTaskDispatcher(IStateMachineTaskDispatcher inner) => _inner = inner;

    public void FailState(string stateName, string error = "States.TaskFailed", string cause = "Injected failure.") =>
        FailAttempts(stateName, int.MaxValue, error, cause);

    /// <summary>Fails the next <paramref name="attempts"/> attempts of the state, then lets it reach the real dispatcher.</summary>
    public void FailAttempts(string stateName, int attempts, string error, string cause = "Injected failure.")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        lock (_gate)
        {
            _faults[stateName] = (error, cause, attempts);
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
                if (fault.AttemptsLeft == 1)
                {
                    _faults.Remove(request.StateName);
                }
                else if (fault.AttemptsLeft != int.MaxValue)
                {
                    _faults[request.StateName] = fault with { AttemptsLeft = fault.AttemptsLeft - 1 };
                }

                return Task.FromResult(StateMachineTaskOutcome.Failure(fault.Error, fault.Cause));
            }
        }

        return _inner.DispatchAsync(request, cancellationToken);
    }
}
