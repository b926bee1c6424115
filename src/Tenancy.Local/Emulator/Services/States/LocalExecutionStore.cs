using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Local.Emulator.Services.States;

/// <summary>
/// The executions of the local cloud, in memory: started in the background through aws-local-stepfunctions with
/// every Task answered by the local cloud, named uniquely per state machine the way Step Functions does it.
/// </summary>
public sealed class LocalExecutionStore
{
    private readonly ConcurrentDictionary<string, LocalExecution> _byArn = new(StringComparer.Ordinal);
    private readonly Lock _startGate = new();
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _runnerGate = new(1, 1);
    private IStateMachineTaskDispatcher? _dispatcher;
    private LocalStateMachineRunner? _runner;

    public LocalExecutionStore(LocalStateMachineCatalog stateMachines, TimeProvider time)
    {
        StateMachines = stateMachines;
        _time = time;
    }

    public LocalStateMachineCatalog StateMachines { get; }

    /// <summary>Wait and retry timing for executions (null fields keep the definition's seconds).</summary>
    public StateMachineRunOptions RunOptions { get; set; } = new();

    public IReadOnlyCollection<LocalExecution> All => [.. _byArn.Values];

    /// <summary>Connects the Task dispatcher once the local cloud it dispatches into exists.</summary>
    public void UseDispatcher(IStateMachineTaskDispatcher dispatcher) => _dispatcher = dispatcher;

    public LocalExecution? ByArn(string arn) => _byArn.GetValueOrDefault(arn);

    /// <summary>
    /// Starts an execution, or returns the running one of the same name and input (Step Functions' idempotency);
    /// null when the name is taken by a closed execution or one with another input.
    /// </summary>
    public LocalExecution? Start(LocalStateMachine stateMachine, string name, string input)
    {
        LocalExecution execution;
        lock (_startGate)
        {
            var arn = $"arn:{LocalAccount.Partition}:states:{LocalAccount.Region}:{LocalAccount.Id}:execution:{stateMachine.Name}:{name}";
            if (_byArn.TryGetValue(arn, out var existing))
            {
                return existing.IsRunning && JsonNode.DeepEquals(JsonNode.Parse(existing.Input), JsonNode.Parse(input)) ? existing : null;
            }

            execution = new LocalExecution(stateMachine, name, input, _time.GetUtcNow());
            _byArn[arn] = execution;
        }

        execution.Completion = Task.Run(() => RunAsync(execution));
        return execution;
    }

    /// <summary>Aborts every running execution and waits for its interpreter to stop, so none outlives the local cloud.</summary>
    public async Task AbortAllAsync()
    {
        var running = All.Where(e => e.Abort("States.Aborted", "The local cloud stopped.", _time.GetUtcNow())).ToList();
        await Task.WhenAll(running.Select(e => e.Completion)).ConfigureAwait(false);
    }

    private async Task RunAsync(LocalExecution execution)
    {
        try
        {
            var runner = await RunnerAsync(execution.StopToken).ConfigureAwait(false);
            var result = await runner.RunAsync(
                execution.StateMachine.Name,
                execution.StateMachine.Definition,
                JsonNode.Parse(execution.Input) ?? new JsonObject(),
                execution.Name,
                RunOptions,
                execution.StopToken).ConfigureAwait(false);
            execution.Finish(result, _time.GetUtcNow());
        }
        catch (OperationCanceledException) when (execution.StopToken.IsCancellationRequested)
        {
            // StopExecution already recorded ABORTED.
        }
        catch (Exception e)
        {
            // The interpreter itself failed (Node missing, a malformed definition): the execution fails, it never hangs.
            execution.Fail("States.Runtime", $"{e.GetType().Name}: {e.Message}", _time.GetUtcNow());
        }
    }

    private async Task<LocalStateMachineRunner> RunnerAsync(CancellationToken cancellationToken)
    {
        if (_runner is { } ready)
        {
            return ready;
        }

        await _runnerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var dispatcher = _dispatcher ?? throw new InvalidOperationException("The local cloud has not connected a Task dispatcher.");
            var tools = await StepFunctionsToolsInstallation.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
            return _runner ??= new LocalStateMachineRunner(tools, dispatcher);
        }
        finally
        {
            _runnerGate.Release();
        }
    }
}
