using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>One Task state the engine asks the local cloud to perform: its resource and its effective input (after Parameters).</summary>
public sealed record StateMachineTaskRequest(string ExecutionName, string StateName, string Resource, JsonNode? Input);
