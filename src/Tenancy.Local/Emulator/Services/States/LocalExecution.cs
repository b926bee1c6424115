using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Local.Emulator.Services.States;

/// <summary>
/// One execution of a local state machine: RUNNING while the interpreter works, then SUCCEEDED, FAILED or ABORTED
/// with the engine's result. Fields change only under the execution's own lock.
/// </summary>
public sealed class LocalExecution
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private StateMachineExecutionResult? _result;

    public LocalExecution(LocalStateMachine stateMachine, string name, string input, DateTimeOffset startDate)
    {
        StateMachine = stateMachine;
        Name = name;
        Input = input;
        StartDate = startDate;
        Arn = $"arn:{LocalAccount.Partition}:states:{LocalAccount.Region}:{LocalAccount.Id}:execution:{stateMachine.Name}:{name}";
    }

    public LocalStateMachine StateMachine { get; }

    public string Name { get; }

    public string Arn { get; }

    public string Input { get; }

    public DateTimeOffset StartDate { get; }

    public string Status { get; private set; } = "RUNNING";

    public DateTimeOffset? StopDate { get; private set; }

    public string? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    /// <summary>Completes when the execution has stopped, whatever its status.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    internal CancellationToken StopToken => _stop.Token;

    /// <summary>The engine's event log once the execution is over (empty while it runs or when it was aborted).</summary>
    public JsonArray EngineEvents
    {
        get
        {
            lock (_gate)
            {
                return (JsonArray?)_result?.Events.DeepClone() ?? [];
            }
        }
    }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return Status == "RUNNING";
            }
        }
    }

    internal void Finish(StateMachineExecutionResult result, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Status != "RUNNING")
            {
                return;
            }

            _result = result;
            Status = result.Status;
            Output = result.Succeeded ? result.Output?.ToJsonString() ?? "null" : null;
            Error = result.Error;
            Cause = result.Cause;
            StopDate = now;
        }
    }

    internal void Fail(string error, string cause, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Status != "RUNNING")
            {
                return;
            }

            Status = "FAILED";
            Error = error;
            Cause = cause;
            StopDate = now;
        }
    }

    /// <summary>Marks the execution ABORTED and stops the interpreter; false when it had already stopped.</summary>
    internal bool Abort(string? error, string? cause, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Status != "RUNNING")
            {
                return false;
            }

            Status = "ABORTED";
            Error = error;
            Cause = cause;
            StopDate = now;
        }

        _stop.Cancel();
        return true;
    }
}
