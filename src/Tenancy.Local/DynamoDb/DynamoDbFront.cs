using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Auth;
using Tenancy.Local.Hosting;
using Tenancy.Local.Iam;
using Tenancy.Local.Protocol;

namespace Tenancy.Local.DynamoDb;

/// <summary>
/// The DynamoDB endpoint clients use: verifies SigV4, works out the IAM checks the request needs (action, table or
/// index ARN, <c>dynamodb:LeadingKeys</c>), evaluates them against the caller's policies, and only then forwards the
/// untouched request to DynamoDB Local and relays its answer byte for byte (including <c>x-amz-crc32</c>).
/// </summary>
public sealed class DynamoDbFront
{
    public const string ContentType = "application/x-amz-json-1.0";
    private const string TargetPrefix = "DynamoDB_20120810.";
    private const string CoralPrefix = "com.amazon.coral.service#";

    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Transfer-Encoding", "Expect", "Keep-Alive", "Upgrade", "Content-Type",
    };

    private readonly Uri _dynamoDbLocal;
    private readonly HttpClient _http;
    private readonly SigV4Verifier _verifier;
    private readonly AccessAuthorizer _authorizer;
    private readonly TableKeySchemaCache _schemas;
    private readonly LocalCloudCounters _counters;

    public DynamoDbFront(Uri dynamoDbLocal, HttpClient http, SigV4Verifier verifier, AccessAuthorizer authorizer, TableKeySchemaCache schemas, LocalCloudCounters counters)
    {
        _dynamoDbLocal = dynamoDbLocal;
        _http = http;
        _verifier = verifier;
        _authorizer = authorizer;
        _schemas = schemas;
        _counters = counters;
    }

    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        _counters.Increment($"dynamodb:{operation}");

        var auth = _verifier.Verify(context.Request, body);
        if (!auth.Succeeded)
        {
            var (status, code) = SigV4ErrorCodes.Json(auth.Failure);
            await AwsJsonResponse.WriteErrorAsync(context, status, CoralPrefix + code, auth.Message, ContentType).ConfigureAwait(false);
            return;
        }

        JsonObject request;
        try
        {
            request = JsonNode.Parse(body.Length == 0 ? "{}"u8 : body) as JsonObject ?? new JsonObject();
        }
        catch (JsonException)
        {
            await AwsJsonResponse.WriteErrorAsync(context, 400, CoralPrefix + "SerializationException", "Start of structure or map found where not expected.", ContentType).ConfigureAwait(false);
            return;
        }

        string? denial;
        try
        {
            denial = await AuthorizeAsync(operation, request, auth.Principal!, context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // A member of the wrong JSON type (e.g. a numeric TableName): refuse it as DynamoDB does, before anything runs.
            await AwsJsonResponse.WriteErrorAsync(context, 400, CoralPrefix + "SerializationException", "A request member has the wrong type.", ContentType).ConfigureAwait(false);
            return;
        }

        if (denial is not null)
        {
            _counters.Increment($"denied:dynamodb:{operation}");
            _counters.Increment("denied:dynamodb");
            await AwsJsonResponse.WriteErrorAsync(context, 400, CoralPrefix + "AccessDeniedException", denial, ContentType).ConfigureAwait(false);
            return;
        }

        if (operation is "CreateTable" or "DeleteTable" or "UpdateTable" && request["TableName"]?.GetValue<string>() is { } changed)
        {
            _schemas.Invalidate(changed);
        }

        await ForwardAsync(context, body).ConfigureAwait(false);
    }

    /// <returns>Null when every check passes, else AWS's AccessDeniedException message for the first failing one.</returns>
    private async Task<string?> AuthorizeAsync(string operation, JsonObject request, LocalPrincipal principal, CancellationToken cancellationToken)
    {
        var schemas = new Dictionary<string, TableKeys>(StringComparer.Ordinal);
        foreach (var table in DynamoDbAccessPlanner.TablesNamed(operation, request).Distinct(StringComparer.Ordinal))
        {
            if (await _schemas.GetAsync(table, cancellationToken).ConfigureAwait(false) is { } keys)
            {
                schemas[table] = keys;
            }
        }

        foreach (var access in DynamoDbAccessPlanner.Plan(operation, request, schemas))
        {
            var keys = new RequestContext();
            foreach (var leadingKey in access.LeadingKeys ?? [])
            {
                keys.Add("dynamodb:LeadingKeys", leadingKey);
            }

            if (request["Select"]?.GetValue<string>() is { } select)
            {
                keys.Set("dynamodb:Select", select);
            }

            if (request["ReturnValues"]?.GetValue<string>() is { } returnValues)
            {
                keys.Set("dynamodb:ReturnValues", returnValues);
            }

            var result = _authorizer.Authorize(principal, access.Action, access.Resource, keys);
            if (!result.Allowed)
            {
                return result.Message;
            }
        }

        return null;
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
