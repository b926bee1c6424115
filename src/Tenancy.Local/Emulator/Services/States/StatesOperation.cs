using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.States;

/// <summary>A Step Functions request: the operation and its JSON body.</summary>
public sealed record StatesOperation(string Action, JsonObject Request) : LocalOperation(Action);
