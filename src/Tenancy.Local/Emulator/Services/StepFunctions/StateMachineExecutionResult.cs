using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>How an execution ended (<c>SUCCEEDED</c> or <c>FAILED</c>), its output or error, and the engine's event log.</summary>
public sealed record StateMachineExecutionResult(string Status, JsonNode? Output, string? Error, string? Cause, JsonArray Events)
{
    public bool Succeeded => Status == "SUCCEEDED";

    /// <summary>The names of the states entered, in order (nested Map iterations included).</summary>
    public IReadOnlyList<string> EnteredStates =>
        Events.OfType<JsonObject>()
            .Where(e => e["type"]?.GetValue<string>() == "StateEntered")
            .Select(e => e["state"]?["name"]?.GetValue<string>() ?? string.Empty)
            .ToList();
}
