using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.Events;

/// <summary>One event accepted by the local EventBridge: what PutEvents sent, with the id and time it was given.</summary>
public sealed record RecordedEvent(
    string EventId,
    string EventBusName,
    string Source,
    string DetailType,
    JsonObject Detail,
    IReadOnlyList<string> Resources,
    DateTimeOffset Time,
    string CallerArn);
