using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// The DynamoDB endpoint clients use (JSON 1.0): parsing works out the IAM checks the request needs (action, table
/// or index ARN, <c>dynamodb:LeadingKeys</c>) for the pipeline to evaluate; only an authorized request is forwarded,
/// untouched, to DynamoDB Local, and its answer relayed byte for byte (including <c>x-amz-crc32</c>).
/// </summary>
public sealed class DynamoDbFront : ILocalService
{
    public const string ContentType = "application/x-amz-json-1.0";
    private const string TargetPrefix = "DynamoDB_20120810.";

    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Transfer-Encoding", "Expect", "Keep-Alive", "Upgrade", "Content-Type",
    };

    private readonly Uri _dynamoDbLocal;
    private readonly HttpClient _http;
    private readonly TableKeySchemaCache _schemas;

    public DynamoDbFront(Uri dynamoDbLocal, HttpClient http, TableKeySchemaCache schemas)
    {
        _dynamoDbLocal = dynamoDbLocal;
        _http = http;
        _schemas = schemas;
    }

    public string Name => "dynamodb";

    public AwsProtocol Protocol => AwsProtocol.Json10;

    public bool Recognizes(HttpRequest request, string? scopeService) =>
        AwsRequestMatch.SignedFor(request, scopeService, Name) || AwsRequestMatch.Targets(request, scopeService, "DynamoDB_");

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) => AwsRequestMatch.TargetOperation(request, TargetPrefix);

    public bool RequiresSignature(string operation) => true;

    public async ValueTask<LocalOperation> ParseAsync(LocalServiceCall call)
    {
        JsonObject request;
        try
        {
            request = JsonNode.Parse(call.Body.Length == 0 ? "{}"u8 : call.Body) as JsonObject ?? new JsonObject();
        }
        catch (JsonException)
        {
            throw AwsServiceException.ClientError("SerializationException", "Start of structure or map found where not expected.");
        }

        try
        {
            var checks = await PlanAccessAsync(call.OperationName, request, call.Context.RequestAborted).ConfigureAwait(false);
            return new DynamoDbOperation(call.OperationName, request) { AccessChecks = checks };
        }
        catch (InvalidOperationException)
        {
            // A member of the wrong JSON type (e.g. a numeric TableName): refuse it as DynamoDB does, before anything runs.
            throw AwsServiceException.ClientError("SerializationException", "A request member has the wrong type.");
        }
    }

    public async Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        var request = ((DynamoDbOperation)operation).Request;
        if (operation.Name is "CreateTable" or "DeleteTable" or "UpdateTable" && request["TableName"]?.GetValue<string>() is { } changed)
        {
            _schemas.Invalidate(changed);
        }

        await ForwardAsync(call.Context, call.Body).ConfigureAwait(false);
    }

    /// <summary>The IAM checks the request needs (action, table or index ARN, <c>dynamodb:LeadingKeys</c>, attribute keys), in AWS's order.</summary>
    private async Task<IReadOnlyList<AccessCheck>> PlanAccessAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var schemas = new Dictionary<string, TableKeys>(StringComparer.Ordinal);
        foreach (var table in DynamoDbAccessPlanner.TablesNamed(operation, request).Distinct(StringComparer.Ordinal))
        {
            if (await _schemas.GetAsync(table, cancellationToken).ConfigureAwait(false) is { } keys)
            {
                schemas[table] = keys;
            }
        }

        var checks = new List<AccessCheck>();
        foreach (var access in DynamoDbAccessPlanner.Plan(operation, request, schemas))
        {
            var keys = new RequestContext();
            foreach (var leadingKey in access.LeadingKeys ?? [])
            {
                keys.Add("dynamodb:LeadingKeys", leadingKey);
            }

            foreach (var attribute in access.Attributes)
            {
                keys.Add("dynamodb:Attributes", attribute);
            }

            if (access.Select is { } select)
            {
                keys.Set("dynamodb:Select", select);
            }

            if (access.ReturnValues is { } returnValues)
            {
                keys.Set("dynamodb:ReturnValues", returnValues);
            }

            checks.Add(new AccessCheck(access.Action, access.Resource, keys));
        }

        return checks;
    }

    private async Task ForwardAsync(HttpContext context, byte[] body)
    {
        using var forward = new HttpRequestMessage(HttpMethod.Post, _dynamoDbLocal) { Content = new ByteArrayContent(body) };
        forward.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType ?? ContentType);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopByHopHeaders.Contains(name))
            {
                forward.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _http.SendAsync(forward, HttpCompletionOption.ResponseContentRead, context.RequestAborted).ConfigureAwait(false);
        var payload = await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHopHeaders.Contains(name) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        context.Response.ContentLength = payload.Length;
        await context.Response.Body.WriteAsync(payload, context.RequestAborted).ConfigureAwait(false);
    }
}
