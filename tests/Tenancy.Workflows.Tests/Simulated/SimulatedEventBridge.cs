using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>Records the events a workflow puts on the bus.</summary>
public sealed class SimulatedEventBridge : SimulatedServiceBase
{
    private readonly List<JsonNode> _entries = [];

    public override string Service => "eventbridge";

    protected override string ErrorPrefix => "EventBridge";

    public IReadOnlyList<JsonNode> Entries()
    {
        lock (Gate)
        {
            return [.. _entries];
        }
    }

    protected override JsonNode Handle(string action, JsonNode parameters)
    {
        var results = new JsonArray();
        foreach (var entry in parameters["Entries"]!.AsArray())
        {
            _entries.Add(entry!.DeepClone());
            results.Add(new JsonObject { ["EventId"] = Guid.NewGuid().ToString() });
        }

        return new JsonObject { ["FailedEntryCount"] = 0, ["Entries"] = results };
    }
}
