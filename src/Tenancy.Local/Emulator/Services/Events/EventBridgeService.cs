using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.Events;

/// <summary>
/// Local EventBridge over JSON 1.1 (<c>X-Amz-Target: AWSEvents.*</c>): <c>PutEvents</c> validated entry by entry as
/// EventBridge does (a bad entry fails alone with its <c>ErrorCode</c>, the others are accepted), each entry checked
/// against the caller's IAM policies for <c>events:PutEvents</c> on its bus, and accepted events recorded in the
/// <see cref="LocalEventBus"/>. No rules or targets: tests read what was published.
/// </summary>
public sealed class EventBridgeService : ILocalService
{
    private const string TargetPrefix = "AWSEvents.";
    private const string DefaultBus = "default";
    private const int MaxEntries = 10;

    private readonly LocalEventBus _bus;
    private readonly TimeProvider _time;

    public EventBridgeService(LocalEventBus bus, TimeProvider time)
    {
        _bus = bus;
        _time = time;
    }

    public string Name => "events";

    public AwsProtocol Protocol => AwsProtocol.Json11;

    public bool Recognizes(HttpRequest request, string? scopeService) =>
        AwsRequestMatch.SignedFor(request, scopeService, Name) || AwsRequestMatch.Targets(request, scopeService, TargetPrefix);

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) => AwsRequestMatch.TargetOperation(request, TargetPrefix);

    public bool RequiresSignature(string operation) => true;

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call)
    {
        if (call.OperationName != "PutEvents")
        {
            throw AwsServiceException.ClientError("UnknownOperationException", $"The local EventBridge does not support {call.OperationName}.");
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(call.Body) as JsonObject ?? throw AwsServiceException.ClientError("SerializationException", "Start of structure expected");
        }
        catch (JsonException)
        {
            throw AwsServiceException.ClientError("SerializationException", "The request body is not valid JSON.");
        }

        var entries = body["Entries"] as JsonArray ?? throw AwsServiceException.ClientError("ValidationException", "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null");
        if (entries.Count is 0 or > MaxEntries)
        {
            throw AwsServiceException.ClientError("ValidationException", $"1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to {MaxEntries} and greater than or equal to 1");
        }

        return ValueTask.FromResult<LocalOperation>(new PutEventsOperation(entries.Select(e => e as JsonObject ?? []).ToArray()));
    }

    public async Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        var results = new JsonArray();
        var failed = 0;
        foreach (var entry in ((PutEventsOperation)operation).Entries)
        {
            var result = Accept(entry, call);
            failed += result.ContainsKey("ErrorCode") ? 1 : 0;
            results.Add((JsonNode)result);
        }

        await AwsJsonResponse.WriteAsync(call.Context, new JsonObject { ["FailedEntryCount"] = failed, ["Entries"] = results }, AwsProtocol.Json11.ContentType).ConfigureAwait(false);
    }

    private JsonObject Accept(JsonObject entry, LocalServiceCall call)
    {
        var busName = Text(entry, "EventBusName") ?? DefaultBus;

        // A bus may be given by ARN; the local account has one bus per name, created on first use.
        var busArn = busName.StartsWith("arn:", StringComparison.Ordinal) ? busName : $"arn:{LocalAccount.Partition}:events:{LocalAccount.Region}:{LocalAccount.Id}:event-bus/{busName}";
        var source = Text(entry, "Source");
        var detailType = Text(entry, "DetailType");
        var detailText = Text(entry, "Detail");
        var keys = new RequestContext();
        if (source is not null)
        {
            keys.Set("events:source", source);
        }

        if (detailType is not null)
        {
            keys.Set("events:detail-type", detailType);
        }

        // A denial fails the whole request, as EventBridge does, not just the entry.
        call.Authorize("events:PutEvents", busArn, keys);

        if (string.IsNullOrEmpty(source))
        {
            return Failure("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        }

        if (string.IsNullOrEmpty(detailType))
        {
            return Failure("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }

        if (string.IsNullOrEmpty(detailText))
        {
            return Failure("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        }

        JsonObject detail;
        try
        {
            detail = JsonNode.Parse(detailText) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return Failure("MalformedDetail", "Detail is malformed.");
        }

        var resources = (entry["Resources"] as JsonArray ?? []).Select(r => r is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty).ToArray();
        var time = entry["Time"] is JsonValue t && t.TryGetValue<double>(out var seconds) ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : _time.GetUtcNow();
        var eventId = Guid.NewGuid().ToString();
        _bus.Record(new RecordedEvent(eventId, busArn[(busArn.LastIndexOf('/') + 1)..], source, detailType, detail, resources, time, call.RequiredCaller.Arn));
        return new JsonObject { ["EventId"] = eventId };
    }

    private static JsonObject Failure(string code, string message) => new() { ["ErrorCode"] = code, ["ErrorMessage"] = message };

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
