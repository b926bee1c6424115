using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Tenancy.Isolation;
using Tenancy.Isolation.Registry;

namespace Tenancy.Local.Run.Tenants;

/// <summary>
/// An operator's client of a running local cloud, over the same wire protocols the AWS CLI uses: Step Functions
/// (JSON 1.0) to run lifecycle executions, Lambda Invoke for registry transitions, DynamoDB to read the registry.
/// </summary>
public sealed class LocalControlPlaneClient : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly LocalCloudStateFile _cloud;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };

    public LocalControlPlaneClient(LocalCloudStateFile cloud) => _cloud = cloud;

    /// <summary>Starts an execution and waits for it to close; returns its final DescribeExecution.</summary>
    public async Task<JsonObject> RunExecutionAsync(string stateMachineLogicalId, string name, JsonObject input, CancellationToken cancellationToken)
    {
        var arn = _cloud.StateMachineArns.TryGetValue(stateMachineLogicalId, out var found)
            ? found
            : throw new InvalidOperationException($"The running local cloud has no state machine {stateMachineLogicalId}.");
        var started = await StatesAsync("StartExecution", new JsonObject { ["stateMachineArn"] = arn, ["name"] = name, ["input"] = input.ToJsonString() }, cancellationToken).ConfigureAwait(false);
        var executionArn = (string)started["executionArn"]!;
        while (true)
        {
            var described = await StatesAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn }, cancellationToken).ConfigureAwait(false);
            if ((string?)described["status"] != "RUNNING")
            {
                return described;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Invokes a function synchronously; the payload and, for a function error, its type.</summary>
    public async Task<(JsonNode? Payload, string? FunctionError)> InvokeAsync(string functionName, JsonObject payload, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_cloud.Endpoint, $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        SigV4RequestSigner.Sign(request, body, _cloud.AdminCredentials, _cloud.Region, "lambda", DateTimeOffset.UtcNow);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new LocalControlPlaneException($"Lambda Invoke {functionName} answered {(int)response.StatusCode}: {text}");
        }

        var error = response.Headers.TryGetValues("X-Amz-Function-Error", out var values) ? values.FirstOrDefault() : null;
        return (text.Length == 0 ? null : JsonNode.Parse(text), error);
    }

    /// <summary>Every registry item, read through the one codec (unreadable items are reported, not skipped silently).</summary>
    public async Task<IReadOnlyList<(string TenantId, TenantRegistration? Registration, string? Error)>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        using var dynamoDb = new AmazonDynamoDBClient(
            _cloud.AdminCredentials.ToAwsCredentials(),
            new AmazonDynamoDBConfig { ServiceURL = _cloud.Endpoint.ToString(), AuthenticationRegion = _cloud.Region, MaxErrorRetry = 0 });
        var tenants = new List<(string, TenantRegistration?, string?)>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = _cloud.RegistryTable, ExclusiveStartKey = start, ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                var text = item.TryGetValue(TenantRegistryAttributes.TenantId, out var id) ? id.S ?? "?" : "?";
                if (!TenantId.TryParse(text, out var tenantId, out _))
                {
                    tenants.Add((text, null, "invalid tenant id"));
                    continue;
                }

                tenants.Add(TenantRegistryItemCodec.TryDecode(tenantId, item, out var registration, out var error) ? (text, registration, null) : (text, null, error));
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return [.. tenants.OrderBy(t => t.Item1, StringComparer.Ordinal)];
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> StatesAsync(string action, JsonObject body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, _cloud.Endpoint)
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0") } },
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions." + action);
        SigV4RequestSigner.Sign(request, bytes, _cloud.AdminCredentials, _cloud.Region, "states", DateTimeOffset.UtcNow);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode && JsonNode.Parse(text) is JsonObject answer
            ? answer
            : throw new LocalControlPlaneException($"Step Functions {action} answered {(int)response.StatusCode}: {text}");
    }
}
