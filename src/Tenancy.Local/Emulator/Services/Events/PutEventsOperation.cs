using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.Events;

/// <summary>A parsed PutEvents request: its entries, each validated and authorized on its own.</summary>
public sealed record PutEventsOperation(IReadOnlyList<JsonObject> Entries) : LocalOperation("PutEvents");
