using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.States;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Runs a state machine of template.yaml by logical id in the local engine, in-process and synchronously: the
/// definition the cloud's state-machine catalog resolved at start (the one its Step Functions endpoint serves), with
/// every Task answered by the given dispatcher (e.g. one with failures injected).
/// </summary>
public sealed class LocalWorkflows
{
    private readonly LocalStateMachineCatalog _stateMachines;
    private readonly LocalStateMachineRunner _runner;

    public LocalWorkflows(LocalCloud cloud, StepFunctionsToolsInstallation tools, IStateMachineTaskDispatcher tasks)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        _stateMachines = cloud.Executions.StateMachines;
        _runner = new LocalStateMachineRunner(tools, tasks);
    }

    /// <summary>The ARN of a template state machine, as the template's own <c>GetAtt</c> gives it.</summary>
    public string StateMachineArn(string logicalId) => _stateMachines.ByLogicalId(logicalId).Arn;

    /// <summary>The definition of a template state machine with its substitutions applied.</summary>
    public string Definition(string logicalId) => _stateMachines.ByLogicalId(logicalId).Definition;

    public Task<StateMachineExecutionResult> RunAsync(string logicalId, JsonNode input, string executionName, StateMachineRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var stateMachine = _stateMachines.ByLogicalId(logicalId);
        return _runner.RunAsync(stateMachine.Name, stateMachine.Definition, input, executionName, options, cancellationToken);
    }
}
