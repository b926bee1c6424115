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
        var entries = parameters["Entries"]!.AsArray();
        _entries.AddRange(entries.Select(e => e!.DeepClone()));
        return new JsonObject
        {
            ["FailedEntryCount"] = 0,
            ["Entries"] = new JsonArray([.. entries.Select(_ => (JsonNode)new JsonObject { ["EventId"] = Guid.NewGuid().ToString() })]),
        };
    }
}
