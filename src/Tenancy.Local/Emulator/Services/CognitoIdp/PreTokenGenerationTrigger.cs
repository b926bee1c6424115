using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Functions;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.CognitoIdp;

/// <summary>
/// Cognito's pre token generation V2_0 trigger: sends the V2_0 event to the pool's function through the
/// <see cref="ILocalFunctionInvoker"/> and returns its <c>claimsAndScopeOverrideDetails</c>. A function error becomes
/// <c>UserLambdaValidationException</c>, a missing invoker or failed invocation <c>UnexpectedLambdaException</c>, an
/// unreadable answer <c>InvalidLambdaResponseException</c>: in every case no token is issued.
/// </summary>
public sealed class PreTokenGenerationTrigger
{
    private readonly ILocalFunctionInvoker? _invoker;

    public PreTokenGenerationTrigger(ILocalFunctionInvoker? invoker)
    {
        _invoker = invoker;
    }

    public async Task<JsonObject?> InvokeAsync(string functionLogicalId, JsonObject triggerEvent, CancellationToken cancellationToken)
    {
        if (_invoker is null)
        {
            throw AwsServiceException.ClientError("UnexpectedLambdaException", $"PreTokenGeneration invocation failed: the local cloud has no function invoker for {functionLogicalId}.");
        }

        LocalInvocationResult result;
        try
        {
            result = await _invoker.InvokeAsync(functionLogicalId, Encoding.UTF8.GetBytes(triggerEvent.ToJsonString()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw AwsServiceException.ClientError("UnexpectedLambdaException", $"PreTokenGeneration invocation failed due to error {ex.GetType().Name}.");
        }

        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(result.Payload.Span) as JsonObject;
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (result.IsFunctionError)
        {
            var message = answer?["errorMessage"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : result.FunctionErrorType;
            throw AwsServiceException.ClientError("UserLambdaValidationException", $"PreTokenGeneration failed with error {message}.");
        }

        if (answer is null || (answer["response"] is not null and not JsonObject))
        {
            throw AwsServiceException.ClientError("InvalidLambdaResponseException", "Unrecognizable lambda output");
        }

        return answer["response"]?["claimsAndScopeOverrideDetails"] switch
        {
            JsonObject details => details,
            null => null,
            _ => throw AwsServiceException.ClientError("InvalidLambdaResponseException", "Unrecognizable lambda output"),
        };
    }
}
