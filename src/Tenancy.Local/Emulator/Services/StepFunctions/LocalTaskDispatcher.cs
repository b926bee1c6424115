using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Emulator.Services.StepFunctions;

/// <summary>
/// Routes a Task's resource the way Step Functions does: <c>lambda:invoke</c> to the local function invoker (the real
/// AOT bootstrap of the function the ARN names), <c>aws-sdk:&lt;service&gt;:&lt;action&gt;</c> and the optimized
/// <c>events:putEvents</c> to the local service handler. A resource nothing serves fails as <c>States.TaskFailed</c>
/// with a cause that says what is missing, never silently.
/// </summary>
public sealed class LocalTaskDispatcher : IStateMachineTaskDispatcher
{
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    private const string AwsSdkPrefix = "arn:aws:states:::aws-sdk:";
    private const string OptimizedEvents = "arn:aws:states:::events:putEvents";

    private readonly ILocalFunctionInvoker? _functions;
    private readonly IReadOnlyDictionary<string, IAwsSdkTaskHandler> _services;

    public LocalTaskDispatcher(ILocalFunctionInvoker? functions, IEnumerable<IAwsSdkTaskHandler> services)
    {
        _functions = functions;
        _services = services.ToDictionary(s => s.Service, StringComparer.Ordinal);
    }

    public Task<StateMachineTaskOutcome> DispatchAsync(StateMachineTaskRequest request, CancellationToken cancellationToken)
    {
        if (string.Equals(request.Resource, LambdaInvoke, StringComparison.Ordinal))
        {
            return InvokeFunctionAsync(request.Input, cancellationToken);
        }

        if (string.Equals(request.Resource, OptimizedEvents, StringComparison.Ordinal))
        {
            return ServiceAsync("eventbridge", "putEvents", request.Input, cancellationToken);
        }

        if (request.Resource.StartsWith(AwsSdkPrefix, StringComparison.Ordinal))
        {
            var serviceAndAction = request.Resource[AwsSdkPrefix.Length..].Split(':');
            if (serviceAndAction.Length == 2)
            {
                return ServiceAsync(serviceAndAction[0], serviceAndAction[1], request.Input, cancellationToken);
            }
        }

        return Task.FromResult(StateMachineTaskOutcome.TaskFailed($"The local cloud does not serve the Task resource '{request.Resource}' (state {request.StateName})."));
    }

    private Task<StateMachineTaskOutcome> ServiceAsync(string service, string action, JsonNode? parameters, CancellationToken cancellationToken) =>
        _services.TryGetValue(service, out var handler)
            ? handler.HandleAsync(action, parameters, cancellationToken)
            : Task.FromResult(StateMachineTaskOutcome.TaskFailed($"The local cloud has no '{service}' service for aws-sdk tasks yet (action {action})."));

    private async Task<StateMachineTaskOutcome> InvokeFunctionAsync(JsonNode? input, CancellationToken cancellationToken)
    {
        var functionName = input?["FunctionName"]?.GetValue<string>();
        if (string.IsNullOrEmpty(functionName))
        {
            return StateMachineTaskOutcome.Failure("Lambda.InvalidParameterValueException", "FunctionName is required.");
        }

        if (_functions is null)
        {
            return StateMachineTaskOutcome.TaskFailed($"No local function invoker is configured, so {functionName} cannot run.");
        }

        var payload = Encoding.UTF8.GetBytes((input?["Payload"] ?? new JsonObject()).ToJsonString());
        var result = await _functions.InvokeAsync(LogicalIdOf(functionName), payload, cancellationToken).ConfigureAwait(false);
        var body = result.Payload.Length == 0 ? null : JsonNode.Parse(result.Payload.Span);
        if (result.IsFunctionError)
        {
            // Step Functions names a function error after its errorType and passes the error payload as the cause.
            return StateMachineTaskOutcome.Failure(result.FunctionErrorType!, body?.ToJsonString() ?? string.Empty);
        }

        return StateMachineTaskOutcome.Success(new JsonObject
        {
            ["StatusCode"] = 200,
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = body,
        });
    }

    /// <summary>Locally a function's name is its logical id; accept a bare name, a function ARN or a qualified ARN.</summary>
    public static string LogicalIdOf(string functionName)
    {
        const string marker = ":function:";
        var index = functionName.IndexOf(marker, StringComparison.Ordinal);
        var name = index < 0 ? functionName : functionName[(index + marker.Length)..];
        var qualifier = name.IndexOf(':', StringComparison.Ordinal);
        return qualifier < 0 ? name : name[..qualifier];
    }
}
