using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Local.Emulator.Services.Events;

/// <summary>
/// The optimized <c>arn:aws:states:::events:putEvents</c> task against the local event bus (the one the EventBridge
/// endpoint records to). Step Functions serializes an object <c>Detail</c> to JSON text, and fails the task with
/// <c>EventBridge.FailedEntry</c> when any entry is refused.
/// </summary>
public sealed class EventBridgeTaskHandler : IAwsSdkTaskHandler
{
    private const int MaxEntries = 10;
    private readonly LocalEventBus _bus;
    private readonly TimeProvider _time;
    private readonly string _callerArn;

    public EventBridgeTaskHandler(LocalEventBus bus, TimeProvider time, string callerArn)
    {
        _bus = bus;
        _time = time;
        _callerArn = callerArn;
    }

    public string Service => "eventbridge";

    public Task<StateMachineTaskOutcome> HandleAsync(string action, JsonNode? parameters, CancellationToken cancellationToken)
    {
        if (action != "putEvents")
        {
            return Task.FromResult(StateMachineTaskOutcome.TaskFailed($"The local EventBridge does not run '{action}' as a task."));
        }

        var entries = (parameters?["Entries"] as JsonArray ?? []).OfType<JsonObject>().ToArray();
        if (entries.Length is 0 or > MaxEntries)
        {
            return Task.FromResult(StateMachineTaskOutcome.Failure("EventBridge.ValidationException", $"Entries must hold 1 to {MaxEntries} entries, not {entries.Length}."));
        }

        // Validate every entry before recording any, so a refused batch leaves nothing on the bus.
        var accepted = new List<(string Bus, string Source, string DetailType, JsonObject Detail)>();
        foreach (var entry in entries)
        {
            var source = TaskParameters.Text(entry, "Source");
            var detailType = TaskParameters.Text(entry, "DetailType");
            var detail = entry["Detail"] switch
            {
                JsonObject o => o.DeepClone().AsObject(),
                JsonValue v when v.TryGetValue<string>(out var text) => ParseObject(text),
                _ => null,
            };
            if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(detailType) || detail is null)
            {
                return Task.FromResult(StateMachineTaskOutcome.Failure("EventBridge.FailedEntry", "An entry lacks Source, DetailType or a JSON object Detail."));
            }

            accepted.Add((TaskParameters.Text(entry, "EventBusName") ?? "default", source, detailType, detail));
        }

        var ids = new JsonArray();
        foreach (var (bus, source, detailType, detail) in accepted)
        {
            var eventId = Guid.NewGuid().ToString();
            _bus.Record(new RecordedEvent(eventId, bus[(bus.LastIndexOf('/') + 1)..], source, detailType, detail, [], _time.GetUtcNow(), _callerArn));
            ids.Add((JsonNode)new JsonObject { ["EventId"] = eventId });
        }

        return Task.FromResult(StateMachineTaskOutcome.Success(new JsonObject { ["Entries"] = ids, ["FailedEntryCount"] = 0 }));
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
