using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>A Task's result, or the error name (as Step Functions spells it, e.g. <c>Kms.NotFoundException</c>) and cause.</summary>
public sealed record StateMachineTaskOutcome(JsonNode? Result, string? Error, string? Cause)
{
    public bool Succeeded => Error is null;

    public static StateMachineTaskOutcome Success(JsonNode? result) => new(result, null, null);

    public static StateMachineTaskOutcome Failure(string error, string cause) => new(null, error, cause);

    /// <summary>What Step Functions raises for a resource it cannot call at all.</summary>
    public static StateMachineTaskOutcome TaskFailed(string cause) => Failure("States.TaskFailed", cause);
}
