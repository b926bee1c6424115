using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Lambda;
using Tenancy.Lambda.Functions;
using Tenancy.Local.Functions;

namespace Tenancy.Workflows.Tests.Execution;

/// <summary>
/// Runs the real control-plane handlers in-process for the state machine's Lambda tasks: the payload goes through the
/// handler's own source-generated JSON and <c>_HANDLER</c> dispatch, exactly as in the bootstrap; a thrown exception
/// becomes a function error named by its type, as the runtime reports it.
/// </summary>
public sealed class InProcessControlPlaneFunctions(LambdaFunctionHost host, IReadOnlyDictionary<string, string> handlerByLogicalId) : ILocalFunctionInvoker
{
    private static readonly LambdaFunctionSettings Settings = new("local", "$LATEST", 512, "/aws/lambda/local", "local", "us-east-1");

    public async Task<LocalInvocationResult> InvokeAsync(string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!handlerByLogicalId.TryGetValue(logicalId, out var handlerName) || !host.TryResolve(handlerName, out var handler))
        {
            return Error("ResourceNotFoundException", $"Function not found: {logicalId}");
        }

        try
        {
            var context = new LambdaInvocationContext(Guid.NewGuid().ToString(), DateTimeOffset.UtcNow.AddMinutes(5), logicalId, Settings);
            var response = await handler.InvokeAsync(payload, context, cancellationToken);
            return new LocalInvocationResult(response.Payload, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Error(e.GetType().Name, e.Message);
        }
    }

    private static LocalInvocationResult Error(string type, string message) =>
        new(Encoding.UTF8.GetBytes(new JsonObject { ["errorType"] = type, ["errorMessage"] = message }.ToJsonString()), type);
}
