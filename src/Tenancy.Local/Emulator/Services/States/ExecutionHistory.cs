using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.States;

/// <summary>
/// An execution's history in Step Functions' shape (<c>id</c>, <c>previousEventId</c>, <c>timestamp</c>,
/// <c>type</c>, <c>&lt;type&gt;EventDetails</c>), translated from the interpreter's event log: state events take
/// the state's type as Step Functions names them (<c>TaskStateEntered</c>, <c>ChoiceStateExited</c>).
/// </summary>
public static class ExecutionHistory
{
    public static JsonArray Of(LocalExecution execution)
    {
        var engineEvents = execution.EngineEvents;
        var events = new JsonArray();
        if (engineEvents.Count == 0)
        {
            // Still running, aborted, or the interpreter never started: the events the service itself knows.
            Add(events, execution.StartDate, "ExecutionStarted", new JsonObject { ["input"] = execution.Input, ["roleArn"] = execution.StateMachine.RoleArn });
            if (execution.StopDate is { } stopped)
            {
                var type = execution.Status == "ABORTED" ? "ExecutionAborted" : "ExecutionFailed";
                Add(events, stopped, type, ErrorDetails(execution.Error, execution.Cause));
            }

            return events;
        }

        foreach (var node in engineEvents.OfType<JsonObject>())
        {
            var timestamp = node["timestamp"] is JsonValue t && t.TryGetValue<double>(out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms)
                : execution.StartDate;
            var engineType = (string?)node["type"] ?? "Unknown";
            var state = node["state"] as JsonObject;
            var stateType = (string?)state?["type"] ?? string.Empty;
            var stateName = (string?)state?["name"] ?? string.Empty;
            switch (engineType)
            {
                case "ExecutionStarted":
                    Add(events, timestamp, engineType, new JsonObject { ["input"] = execution.Input, ["roleArn"] = execution.StateMachine.RoleArn });
                    break;
                case "ExecutionSucceeded":
                    Add(events, timestamp, engineType, new JsonObject { ["output"] = execution.Output ?? node["output"]?.ToJsonString() ?? "null" });
                    break;
                case "ExecutionFailed" or "ExecutionAborted" or "ExecutionTimeout":
                    Add(events, timestamp, engineType == "ExecutionTimeout" ? "ExecutionTimedOut" : engineType, ErrorDetails(Text(node, "error") ?? execution.Error, Text(node, "cause") ?? execution.Cause));
                    break;
                case "StateEntered":
                    Add(events, timestamp, $"{stateType}StateEntered", new JsonObject { ["name"] = stateName, ["input"] = state?["input"]?.ToJsonString() ?? "null" }, "stateEnteredEventDetails");
                    break;
                case "StateExited":
                    Add(events, timestamp, $"{stateType}StateExited", new JsonObject { ["name"] = stateName, ["output"] = state?["output"]?.ToJsonString() ?? "null" }, "stateExitedEventDetails");
                    break;
                default:
                    // Retries, catches, Map and Parallel events: the engine's own name, with its state and error when it has them.
                    var details = ErrorDetails(Text(node, "error"), Text(node, "cause"));
                    if (stateName.Length > 0)
                    {
                        details["name"] = stateName;
                    }

                    Add(events, timestamp, engineType, details);
                    break;
            }
        }

        return events;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text
        : node[char.ToUpperInvariant(name[0]) + name[1..]] is JsonValue upper && upper.TryGetValue<string>(out var upperText) ? upperText
        : null;

    private static JsonObject ErrorDetails(string? error, string? cause)
    {
        var details = new JsonObject();
        if (error is not null)
        {
            details["error"] = error;
        }

        if (cause is not null)
        {
            details["cause"] = cause;
        }

        return details;
    }

    private static void Add(JsonArray events, DateTimeOffset timestamp, string type, JsonObject details, string? detailsName = null)
    {
        var id = events.Count + 1;
        var entry = new JsonObject
        {
            ["timestamp"] = timestamp.ToUnixTimeMilliseconds() / 1000.0,
            ["type"] = type,
            ["id"] = id,
            ["previousEventId"] = id - 1,
        };
        entry[detailsName ?? char.ToLowerInvariant(type[0]) + type[1..] + "EventDetails"] = details;
        events.Add((JsonNode)entry);
    }
}
