using System.Text.RegularExpressions;
using Tenancy.Local.Emulator.Iam;
using Tenancy.Local.Emulator.Pipeline;
using Tenancy.Local.Emulator.Protocol;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Emulator.Services.Lambda;

/// <summary>
/// Lambda's Invoke REST endpoint (<c>POST /2015-03-31/functions/{name}/invocations</c>) over the local function
/// invoker: the real AOT bootstrap through the Runtime API, a function error answered 200 with
/// <c>X-Amz-Function-Error</c> as Lambda does, and the caller checked for <c>lambda:InvokeFunction</c> on the
/// function's ARN. Functions are named after their template logical ids.
/// </summary>
public sealed partial class LambdaService : ILocalService
{
    private readonly ILocalFunctionInvoker? _invoker;

    public LambdaService(ILocalFunctionInvoker? invoker) => _invoker = invoker;

    public string Name => "lambda";

    public AwsProtocol Protocol => AwsProtocol.RestJson;

    public bool Recognizes(HttpRequest request, string? scopeService) => string.Equals(scopeService, Name, StringComparison.Ordinal);

    public string OperationOf(HttpRequest request, ReadOnlyMemory<byte> body) =>
        HttpMethods.IsPost(request.Method) && InvokePath().IsMatch(request.Path.Value ?? string.Empty) ? "Invoke" : string.Empty;

    public bool RequiresSignature(string operation) => true;

    public ValueTask<LocalOperation> ParseAsync(LocalServiceCall call)
    {
        var match = InvokePath().Match(call.Request.Path.Value ?? string.Empty);
        if (!HttpMethods.IsPost(call.Request.Method) || !match.Success)
        {
            throw new AwsServiceException(404, "ResourceNotFoundException", $"The local Lambda does not serve {call.Request.Method} {call.Request.Path}.");
        }

        var functionName = FunctionName(Uri.UnescapeDataString(match.Groups[1].Value));
        var invocationType = call.Request.Headers["X-Amz-Invocation-Type"].ToString() is { Length: > 0 } type ? type : "RequestResponse";
        if (invocationType is not ("RequestResponse" or "Event" or "DryRun"))
        {
            throw new AwsServiceException(400, "InvalidParameterValueException", $"1 validation error detected: Value '{invocationType}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }

        var arn = $"arn:{LocalAccount.Partition}:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:{functionName}";
        return ValueTask.FromResult<LocalOperation>(new LambdaInvokeOperation(functionName, arn, invocationType)
        {
            AccessChecks = [new AccessCheck("lambda:InvokeFunction", arn, new RequestContext())],
        });
    }

    public async Task HandleAsync(LocalServiceCall call, LocalOperation operation)
    {
        var invoke = (LambdaInvokeOperation)operation;
        var invoker = _invoker ?? throw NotFound(invoke, "the local cloud was started without a function invoker");
        var response = call.Context.Response;
        switch (invoke.InvocationType)
        {
            case "DryRun":
                // A dry run only checks the function exists and the caller may invoke it; nothing runs.
                EnsureKnown(invoker, invoke);
                response.StatusCode = 204;
                return;
            case "Event":
                EnsureKnown(invoker, invoke);
                var payload = call.Body.ToArray();
                _ = Task.Run(() => invoker.InvokeAsync(invoke.FunctionName, payload, CancellationToken.None));
                response.StatusCode = 202;
                return;
        }

        LocalInvocationResult result;
        try
        {
            result = await invoker.InvokeAsync(invoke.FunctionName, call.Body, call.Context.RequestAborted).ConfigureAwait(false);
        }
        catch (UnknownFunctionException e)
        {
            throw NotFound(invoke, e.Message);
        }

        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        if (result.FunctionErrorType is not null)
        {
            response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }

        response.ContentLength = result.Payload.Length;
        await response.Body.WriteAsync(result.Payload, call.Context.RequestAborted).ConfigureAwait(false);
    }

    // An unknown function must be refused before an asynchronous invocation is accepted.
    private static void EnsureKnown(ILocalFunctionInvoker invoker, LambdaInvokeOperation invoke)
    {
        if (invoker is LocalFunctionInvoker local && !local.Functions.ContainsKey(invoke.FunctionName))
        {
            throw NotFound(invoke, "no such function in template.yaml");
        }
    }

    private static AwsServiceException NotFound(LambdaInvokeOperation invoke, string why) =>
        new(404, "ResourceNotFoundException", $"Function not found: {invoke.FunctionArn} ({why})");

    // Lambda accepts a name, a partial ARN (account:function:name) or a full ARN; locally all name the logical id.
    private static string FunctionName(string identifier)
    {
        var parts = identifier.Split(':');
        var name = parts switch
        {
            [var only] => only,
            [_, "function", var n] => n,
            ["arn", _, "lambda", _, _, "function", var n] => n,
            ["arn", _, "lambda", _, _, "function", var n, "$LATEST"] => n,
            _ => string.Empty,
        };
        return name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? name
            : throw new AwsServiceException(400, "ValidationException", $"1 validation error detected: Value '{identifier}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{{2}}(-gov)?-[a-z]+-\\d{{1}}:)?(\\d{{12}}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    }

    [GeneratedRegex("^/2015-03-31/functions/([^/]+)/invocations$")]
    private static partial Regex InvokePath();
}
