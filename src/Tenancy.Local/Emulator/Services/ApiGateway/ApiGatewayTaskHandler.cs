using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Local.Emulator.Services.ApiGateway;

/// <summary>
/// <c>aws-sdk:apigateway:*</c> tasks against the local API Gateway store (the keys and usage plans the REST API
/// enforces), with the SDK's PascalCase members (<c>Id</c>, <c>Value</c>…) and errors under the <c>ApiGateway.</c> prefix.
/// </summary>
public sealed class ApiGatewayTaskHandler : IAwsSdkTaskHandler
{
    private const string BadRequest = "BadRequestException";
    private readonly ApiGatewayStore _store;
    private readonly TimeProvider _time;

    public ApiGatewayTaskHandler(ApiGatewayStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public string Service => "apigateway";

    public Task<StateMachineTaskOutcome> HandleAsync(string action, JsonNode? parameters, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(StateMachineTaskOutcome.Success(action switch
            {
                "createApiKey" => CreateApiKey(parameters),
                "deleteApiKey" => Empty(() => _store.DeleteApiKey(TaskParameters.Required(parameters, "ApiKey", BadRequest))),
                "createUsagePlanKey" => CreateUsagePlanKey(parameters),
                "deleteUsagePlanKey" => Empty(() => _store.DetachKey(TaskParameters.Required(parameters, "UsagePlanId", BadRequest), TaskParameters.Required(parameters, "KeyId", BadRequest))),
                _ => throw AwsServiceException.ClientError(BadRequest, $"The local API Gateway does not run '{action}' as a task."),
            }));
        }
        catch (AwsServiceException e)
        {
            return Task.FromResult(StateMachineTaskOutcome.Failure($"ApiGateway.{e.Code}", e.Message));
        }
    }

    private JsonObject CreateApiKey(JsonNode? parameters)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters?["Tags"] as JsonObject ?? [])
        {
            tags[name] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : string.Empty;
        }

        var enabled = parameters?["Enabled"] is JsonValue e && e.TryGetValue<bool>(out var flag) && flag;
        var key = _store.CreateApiKey(
            TaskParameters.Text(parameters, "Name"),
            TaskParameters.Text(parameters, "Description"),
            TaskParameters.Text(parameters, "CustomerId"),
            enabled,
            TaskParameters.Text(parameters, "Value"),
            tags,
            _time.GetUtcNow());
        var json = new JsonObject
        {
            ["Id"] = key.Id,
            ["Value"] = key.Value,
            ["Enabled"] = key.Enabled,
            ["CreatedDate"] = key.CreatedDate.ToUnixTimeSeconds(),
            ["LastUpdatedDate"] = key.CreatedDate.ToUnixTimeSeconds(),
            ["StageKeys"] = new JsonArray(),
            ["Tags"] = new JsonObject(key.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        };
        if (key.Name is not null)
        {
            json["Name"] = key.Name;
        }

        return json;
    }

    private JsonObject CreateUsagePlanKey(JsonNode? parameters)
    {
        var key = _store.AttachKey(
            TaskParameters.Required(parameters, "UsagePlanId", BadRequest),
            TaskParameters.Required(parameters, "KeyId", BadRequest),
            TaskParameters.Text(parameters, "KeyType"));
        var json = new JsonObject { ["Id"] = key.Id, ["Type"] = "API_KEY", ["Value"] = key.Value };
        if (key.Name is not null)
        {
            json["Name"] = key.Name;
        }

        return json;
    }

    private static JsonObject Empty(Action action)
    {
        action();
        return [];
    }
}
