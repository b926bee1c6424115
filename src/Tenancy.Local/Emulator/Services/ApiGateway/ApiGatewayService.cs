using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>
/// The API Gateway management subset the control plane uses, over REST-JSON on the real paths (<c>/apikeys</c>,
/// <c>/usageplans/{id}/keys</c>): API keys and their attachment to usage plans. IAM sees API Gateway's own model:
/// the action is the HTTP method (<c>apigateway:POST</c>), the resource <c>arn:aws:apigateway:region::/path</c>.
/// </summary>
public sealed class ApiGatewayService : ILocalService
{
    private readonly ApiGatewayStore _store;
    private readonly TimeProvider _time;

    public ApiGatewayService(ApiGatewayStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public string Name => "apigateway";

    public AwsProtocol Protocol => AwsProtocol.RestJson;

    public bool Recognizes(HttpRequest request, string? scopeService) => string.Equals(scopeService, Name, StringComparison.Ordinal);

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) => Route(request).Operation;

    public bool RequiresSignature(string operation) => true;

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call)
    {
        var (operation, parameters) = Route(call.Request);
        if (operation.Length == 0)
        {
            throw new AwsServiceException(404, "NotFoundException", $"The local API Gateway does not serve {call.Request.Method} {call.Request.Path}.");
        }

        JsonObject body;
        try
        {
            body = call.Body.Length == 0 ? [] : JsonNode.Parse(call.Body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new AwsServiceException(400, "BadRequestException", "Invalid request body");
        }

        var resource = $"arn:{LocalAccount.Partition}:apigateway:{LocalAccount.Region}::{call.Request.Path.Value}";
        return ValueTask.FromResult<LocalOperation>(new ApiGatewayOperation(operation, parameters, body)
        {
            AccessChecks = [new AccessCheck("apigateway:" + call.Request.Method.ToUpperInvariant(), resource, new RequestContext())],
        });
    }

    public Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        var op = (ApiGatewayOperation)operation;
        var query = call.Request.Query;
        return op.Name switch
        {
            "CreateApiKey" => WriteAsync(call.Context, 201, CreateApiKey(op.Body)),
            "GetApiKey" => WriteAsync(call.Context, 200, ApiKeyJson(_store.ApiKey(op.PathParameters[0]), Flag(query["includeValue"]))),
            "GetApiKeys" => WriteAsync(call.Context, 200, Items(_store.ApiKeys
                .Where(k => query["name"].ToString() is not { Length: > 0 } prefix || (k.Name ?? string.Empty).StartsWith(prefix, StringComparison.Ordinal))
                .Where(k => query["customerId"].ToString() is not { Length: > 0 } customer || k.CustomerId == customer)
                .Select(k => ApiKeyJson(k, Flag(query["includeValues"]))))),
            "DeleteApiKey" => Deleted(call.Context, () => _store.DeleteApiKey(op.PathParameters[0])),
            "GetUsagePlans" => WriteAsync(call.Context, 200, Items(UsagePlans(query["keyId"].ToString()).Select(UsagePlanJson))),
            "CreateUsagePlanKey" => WriteAsync(call.Context, 201, UsagePlanKeyJson(_store.AttachKey(op.PathParameters[0], Text(op.Body, "keyId") ?? string.Empty, Text(op.Body, "keyType")))),
            "GetUsagePlanKeys" => WriteAsync(call.Context, 200, Items(_store.KeysOf(op.PathParameters[0]).Select(UsagePlanKeyJson))),
            _ => Deleted(call.Context, () => _store.DetachKey(op.PathParameters[0], op.PathParameters[1])),
        };
    }

    private IEnumerable<LocalUsagePlan> UsagePlans(string keyId)
    {
        if (keyId.Length == 0)
        {
            return _store.UsagePlans;
        }

        _store.ApiKey(keyId);
        return _store.PlanOf(keyId) is { } plan ? [plan] : [];
    }

    private JsonObject CreateApiKey(JsonObject body)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in body["tags"] as JsonObject ?? [])
        {
            tags[name] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : string.Empty;
        }

        var enabled = body["enabled"] is JsonValue e && e.TryGetValue<bool>(out var flag) && flag;
        var key = _store.CreateApiKey(Text(body, "name"), Text(body, "description"), Text(body, "customerId"), enabled, Text(body, "value"), tags, _time.GetUtcNow());
        return ApiKeyJson(key, includeValue: true);
    }

    private static (string Operation, IReadOnlyList<string> Parameters) Route(HttpRequest request)
    {
        var segments = (request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return (request.Method.ToUpperInvariant(), segments) switch
        {
            ("POST", ["apikeys"]) => ("CreateApiKey", []),
            ("GET", ["apikeys"]) => ("GetApiKeys", []),
            ("GET", ["apikeys", var id]) => ("GetApiKey", [id]),
            ("DELETE", ["apikeys", var id]) => ("DeleteApiKey", [id]),
            ("GET", ["usageplans"]) => ("GetUsagePlans", []),
            ("POST", ["usageplans", var plan, "keys"]) => ("CreateUsagePlanKey", [plan]),
            ("GET", ["usageplans", var plan, "keys"]) => ("GetUsagePlanKeys", [plan]),
            ("DELETE", ["usageplans", var plan, "keys", var key]) => ("DeleteUsagePlanKey", [plan, key]),
            _ => (string.Empty, []),
        };
    }

    private static JsonObject ApiKeyJson(LocalApiKey key, bool includeValue)
    {
        var json = new JsonObject
        {
            ["id"] = key.Id,
            ["enabled"] = key.Enabled,
            ["createdDate"] = key.CreatedDate.ToUnixTimeSeconds(),
            ["lastUpdatedDate"] = key.CreatedDate.ToUnixTimeSeconds(),
            ["stageKeys"] = new JsonArray(),
        };
        Optional(json, "name", key.Name);
        Optional(json, "description", key.Description);
        Optional(json, "customerId", key.CustomerId);
        if (includeValue)
        {
            json["value"] = key.Value;
        }

        if (key.Tags.Count > 0)
        {
            json["tags"] = new JsonObject(key.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value))));
        }

        return json;
    }

    private static JsonObject UsagePlanJson(LocalUsagePlan plan)
    {
        var json = new JsonObject
        {
            ["id"] = plan.Id,
            ["name"] = plan.Name,
            ["apiStages"] = new JsonArray(),
            ["throttle"] = new JsonObject { ["burstLimit"] = plan.BurstLimit, ["rateLimit"] = plan.RateLimit },
        };
        Optional(json, "description", plan.Description);
        if (plan.QuotaLimit is { } limit)
        {
            json["quota"] = new JsonObject { ["limit"] = limit, ["offset"] = 0, ["period"] = plan.QuotaPeriod ?? "DAY" };
        }

        return json;
    }

    private static JsonObject UsagePlanKeyJson(LocalApiKey key)
    {
        var json = new JsonObject { ["id"] = key.Id, ["type"] = "API_KEY", ["value"] = key.Value };
        Optional(json, "name", key.Name);
        return json;
    }

    private static JsonObject Items(IEnumerable<JsonObject> items) => new() { ["item"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()) };

    private static void Optional(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static bool Flag(Microsoft.Extensions.Primitives.StringValues value) => string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static Task Deleted(HttpContext context, Action delete)
    {
        delete();
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers["x-amzn-RequestId"] = AwsRequestId.New();
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = AwsRequestId.New();
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
