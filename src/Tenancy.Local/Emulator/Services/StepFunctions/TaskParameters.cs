using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>Reads a Task's PascalCase parameters; a missing required one is the service's <c>ValidationException</c>-style client error.</summary>
internal static class TaskParameters
{
    public static string? Text(JsonNode? parameters, string name) =>
        parameters?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string Required(JsonNode? parameters, string name, string errorCode) =>
        Text(parameters, name) ?? throw AwsServiceException.ClientError(errorCode, $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    /// <summary>The SDK integration's action names are camelCase; the service APIs' are PascalCase.</summary>
    public static string PascalCase(string action) => action.Length == 0 ? action : char.ToUpperInvariant(action[0]) + action[1..];
}
