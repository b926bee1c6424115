using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Services.StepFunctions;

namespace Tenancy.Local.Emulator.Services.DynamoDb;

/// <summary>
/// <c>aws-sdk:dynamodb:*</c> tasks forwarded to DynamoDB Local (the same tables the DynamoDB endpoint fronts): the
/// camelCase action becomes the <c>DynamoDB_20120810.&lt;Action&gt;</c> target, the PascalCase parameters are the
/// API's request as they are, and an error becomes <c>DynamoDb.&lt;ErrorName&gt;</c> (the SDK integration's casing).
/// </summary>
public sealed class DynamoDbTaskHandler : IAwsSdkTaskHandler
{
    private readonly Uri _dynamoDbLocal;
    private readonly HttpClient _http;

    public DynamoDbTaskHandler(Uri dynamoDbLocal, HttpClient http)
    {
        _dynamoDbLocal = dynamoDbLocal;
        _http = http;
    }

    public string Service => "dynamodb";

    public async Task<StateMachineTaskOutcome> HandleAsync(string action, JsonNode? parameters, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _dynamoDbLocal)
        {
            Content = new StringContent((parameters ?? new JsonObject()).ToJsonString(), Encoding.UTF8, DynamoDbFront.ContentType),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + TaskParameters.PascalCase(action));
        // DynamoDB Local (-sharedDb) parses but does not verify signatures; the workflow's role is the caller.
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? body;
        try
        {
            body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return StateMachineTaskOutcome.Failure("DynamoDb.DynamoDbException", $"DynamoDB Local answered {(int)response.StatusCode} with a body that is not JSON.");
        }

        if (response.IsSuccessStatusCode)
        {
            return StateMachineTaskOutcome.Success(body);
        }

        // DynamoDB's __type is "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"; the name follows the '#'.
        var type = body?["__type"]?.GetValue<string>() ?? "DynamoDbException";
        var message = body?["message"]?.GetValue<string>() ?? body?["Message"]?.GetValue<string>() ?? string.Empty;
        return StateMachineTaskOutcome.Failure($"DynamoDb.{type[(type.LastIndexOf('#') + 1)..]}", message);
    }
}
