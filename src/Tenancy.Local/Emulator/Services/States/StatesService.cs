using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;

namespace Tenancy.Local.Emulator.Services.States;

/// <summary>
/// Local Step Functions over JSON 1.0 (<c>X-Amz-Target: AWSStepFunctions.*</c>): the template's state machines
/// run by aws-local-stepfunctions, executions kept in memory, every call checked against the caller's
/// <c>states:*</c> permissions on the state machine or execution ARN.
/// </summary>
public sealed class StatesService : ILocalService
{
    public const string ContentType = "application/x-amz-json-1.0";
    private const string TargetPrefix = "AWSStepFunctions.";
    private const int DefaultPageSize = 100;

    private static readonly AwsProtocol WireProtocol = new AwsJsonProtocol(ContentType, typePrefix: string.Empty);

    private readonly LocalExecutionStore _executions;
    private readonly TimeProvider _time;

    public StatesService(LocalExecutionStore executions, TimeProvider time)
    {
        _executions = executions;
        _time = time;
    }

    public string Name => "states";

    public AwsProtocol Protocol => WireProtocol;

    public bool Recognizes(HttpRequest request, string? scopeService) =>
        AwsRequestMatch.SignedFor(request, scopeService, Name) || AwsRequestMatch.Targets(request, scopeService, TargetPrefix);

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) => AwsRequestMatch.TargetOperation(request, TargetPrefix);

    public bool RequiresSignature(string operation) => true;

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call)
    {
        JsonObject request;
        try
        {
            request = call.Body.Length == 0 ? [] : JsonNode.Parse(call.Body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw AwsServiceException.ClientError("SerializationException", "The request body is not a JSON object.");
        }

        return ValueTask.FromResult<LocalOperation>(new StatesOperation(call.OperationName, request));
    }

    public async Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        var request = ((StatesOperation)operation).Request;
        JsonObject response;
        try
        {
            response = operation.Name switch
            {
                "StartExecution" => StartExecution(request, call),
                "DescribeExecution" => DescribeExecution(request, call),
                "GetExecutionHistory" => GetExecutionHistory(request, call),
                "ListExecutions" => ListExecutions(request, call),
                "StopExecution" => StopExecution(request, call),
                "ListStateMachines" => ListStateMachines(request, call),
                "DescribeStateMachine" => DescribeStateMachine(request, call),
                _ => throw AwsServiceException.ClientError("UnknownOperationException", $"The local Step Functions does not support {operation.Name}."),
            };
        }
        catch (InvalidOperationException)
        {
            throw AwsServiceException.ClientError("SerializationException", "A request member has the wrong type.");
        }

        await AwsJsonResponse.WriteAsync(call.Context, response, ContentType).ConfigureAwait(false);
    }

    private JsonObject StartExecution(JsonObject request, LocalServiceCall call)
    {
        var stateMachine = ExistingStateMachine((string?)request["stateMachineArn"]);
        call.Authorize("states:StartExecution", stateMachine.Arn, new RequestContext());
        var name = (string?)request["name"] ?? Guid.NewGuid().ToString();
        StatesNames.EnsureValidName(name);
        var input = (string?)request["input"] ?? "{}";
        try
        {
            _ = JsonNode.Parse(input);
        }
        catch (JsonException)
        {
            throw AwsServiceException.ClientError("InvalidExecutionInput", "Invalid State Machine Execution Input: 'the input is not valid JSON'");
        }

        var execution = _executions.Start(stateMachine, name, input)
            ?? throw AwsServiceException.ClientError("ExecutionAlreadyExists", $"Execution Already Exists: '{stateMachine.Arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal)}:{name}'");
        return new JsonObject { ["executionArn"] = execution.Arn, ["startDate"] = Seconds(execution.StartDate) };
    }

    private JsonObject DescribeExecution(JsonObject request, LocalServiceCall call)
    {
        var execution = ExistingExecution((string?)request["executionArn"], call, "states:DescribeExecution");
        var response = new JsonObject
        {
            ["executionArn"] = execution.Arn,
            ["stateMachineArn"] = execution.StateMachine.Arn,
            ["name"] = execution.Name,
            ["status"] = execution.Status,
            ["startDate"] = Seconds(execution.StartDate),
            ["input"] = execution.Input,
            ["inputDetails"] = new JsonObject { ["included"] = true },
        };
        if (execution.StopDate is { } stopped)
        {
            response["stopDate"] = Seconds(stopped);
        }

        if (execution.Output is { } output)
        {
            response["output"] = output;
            response["outputDetails"] = new JsonObject { ["included"] = true };
        }

        if (execution.Error is { } error)
        {
            response["error"] = error;
        }

        if (execution.Cause is { } cause)
        {
            response["cause"] = cause;
        }

        return response;
    }

    private JsonObject GetExecutionHistory(JsonObject request, LocalServiceCall call)
    {
        var execution = ExistingExecution((string?)request["executionArn"], call, "states:GetExecutionHistory");
        var events = ExecutionHistory.Of(execution).Select(e => e!.DeepClone()).ToList();
        if ((bool?)request["reverseOrder"] == true)
        {
            events.Reverse();
        }

        if ((bool?)request["includeExecutionData"] == false)
        {
            foreach (var details in events.OfType<JsonObject>().SelectMany(e => e.Select(p => p.Value).OfType<JsonObject>()))
            {
                details.Remove("input");
                details.Remove("output");
            }
        }

        var (page, nextToken) = Page(events, request);
        var response = new JsonObject { ["events"] = new JsonArray([.. page]) };
        if (nextToken is not null)
        {
            response["nextToken"] = nextToken;
        }

        return response;
    }

    private JsonObject ListExecutions(JsonObject request, LocalServiceCall call)
    {
        var stateMachine = ExistingStateMachine((string?)request["stateMachineArn"]);
        call.Authorize("states:ListExecutions", stateMachine.Arn, new RequestContext());
        var status = (string?)request["statusFilter"];
        var executions = _executions.All
            .Where(e => e.StateMachine.Arn == stateMachine.Arn && (status is null || e.Status == status))
            .OrderByDescending(e => e.StartDate)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e =>
            {
                var item = new JsonObject
                {
                    ["executionArn"] = e.Arn,
                    ["stateMachineArn"] = stateMachine.Arn,
                    ["name"] = e.Name,
                    ["status"] = e.Status,
                    ["startDate"] = Seconds(e.StartDate),
                };
                if (e.StopDate is { } stopped)
                {
                    item["stopDate"] = Seconds(stopped);
                }

                return (JsonNode)item;
            })
            .ToList();
        var (page, nextToken) = Page(executions, request);
        var response = new JsonObject { ["executions"] = new JsonArray([.. page]) };
        if (nextToken is not null)
        {
            response["nextToken"] = nextToken;
        }

        return response;
    }

    private JsonObject StopExecution(JsonObject request, LocalServiceCall call)
    {
        var execution = ExistingExecution((string?)request["executionArn"], call, "states:StopExecution");
        var now = _time.GetUtcNow();
        // Stopping a closed execution succeeds without changing it, as in Step Functions.
        execution.Abort((string?)request["error"], (string?)request["cause"], now);
        return new JsonObject { ["stopDate"] = Seconds(execution.StopDate ?? now) };
    }

    private JsonObject ListStateMachines(JsonObject request, LocalServiceCall call)
    {
        call.Authorize("states:ListStateMachines", "*", new RequestContext());
        var machines = _executions.StateMachines.All
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => (JsonNode)new JsonObject
            {
                ["stateMachineArn"] = m.Arn,
                ["name"] = m.Name,
                ["type"] = m.Type,
                ["creationDate"] = Seconds(m.CreationDate),
            })
            .ToList();
        var (page, nextToken) = Page(machines, request);
        var response = new JsonObject { ["stateMachines"] = new JsonArray([.. page]) };
        if (nextToken is not null)
        {
            response["nextToken"] = nextToken;
        }

        return response;
    }

    private JsonObject DescribeStateMachine(JsonObject request, LocalServiceCall call)
    {
        var stateMachine = ExistingStateMachine((string?)request["stateMachineArn"]);
        call.Authorize("states:DescribeStateMachine", stateMachine.Arn, new RequestContext());
        return new JsonObject
        {
            ["stateMachineArn"] = stateMachine.Arn,
            ["name"] = stateMachine.Name,
            ["status"] = "ACTIVE",
            ["definition"] = stateMachine.Definition,
            ["roleArn"] = stateMachine.RoleArn,
            ["type"] = stateMachine.Type,
            ["creationDate"] = Seconds(stateMachine.CreationDate),
        };
    }

    private LocalStateMachine ExistingStateMachine(string? arn)
    {
        StatesNames.EnsureStateMachineArn(arn);
        return _executions.StateMachines.ByArn(arn!)
            ?? throw AwsServiceException.ClientError("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");
    }

    private LocalExecution ExistingExecution(string? arn, LocalServiceCall call, string action)
    {
        StatesNames.EnsureExecutionArn(arn);
        // Authorize before looking up, so a caller without access cannot probe which executions exist.
        call.Authorize(action, arn!, new RequestContext());
        return _executions.ByArn(arn!)
            ?? throw AwsServiceException.ClientError("ExecutionDoesNotExist", $"Execution Does Not Exist: '{arn}'");
    }

    // Pages by position: the token is the index of the next item, refused when it is not one this list could have issued.
    private static (IReadOnlyList<JsonNode> Page, string? NextToken) Page(IReadOnlyList<JsonNode> items, JsonObject request)
    {
        var size = (int?)request["maxResults"] is { } max and > 0 ? Math.Min(max, 1000) : DefaultPageSize;
        var start = 0;
        if ((string?)request["nextToken"] is { } token && (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out start) || start > items.Count))
        {
            throw AwsServiceException.ClientError("InvalidToken", "Invalid Token: 'the token was not issued by this list'");
        }

        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count;
        return (page, next < items.Count ? next.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
