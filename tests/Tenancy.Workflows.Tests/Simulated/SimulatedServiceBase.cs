using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>
/// The shape every simulated control-plane API shares: one action table, state under one lock, and errors turned
/// into the task failures Step Functions reports.
/// </summary>
public abstract class SimulatedServiceBase : IAwsSdkTaskHandler
{
    protected Lock Gate { get; } = new();

    public abstract string Service { get; }

    protected abstract string ErrorPrefix { get; }

    public Task<StateMachineTaskOutcome> HandleAsync(string action, JsonNode? parameters, CancellationToken cancellationToken)
    {
        try
        {
            lock (Gate)
            {
                return Task.FromResult(StateMachineTaskOutcome.Success(Handle(action, parameters ?? new JsonObject())));
            }
        }
        catch (SimulatedServiceException e)
        {
            return Task.FromResult(StateMachineTaskOutcome.Failure(e.Error, e.Message));
        }
    }

    protected abstract JsonNode Handle(string action, JsonNode parameters);

    protected SimulatedServiceException Error(string name, string message) => new($"{ErrorPrefix}.{name}", message);

    protected static string Text(JsonNode parameters, string name) => parameters[name]?.GetValue<string>() ?? throw new SimulatedServiceException("States.Runtime", $"{name} missing.");
}
