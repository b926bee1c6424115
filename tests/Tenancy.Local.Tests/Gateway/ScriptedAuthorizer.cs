using System.Text.Json;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Tests.Gateway;

/// <summary>
/// Stands in for the authorizer function (answers by the event's Authorization header, as a REQUEST authorizer
/// would) and passes every other function to the real invoker; counts the authorizer's invocations.
/// </summary>
internal sealed class ScriptedAuthorizer(ILocalFunctionInvoker functions) : ILocalFunctionInvoker
{
    public const string FunctionName = "AuthorizerFunction";
    private readonly Dictionary<string, byte[]> _answers = new(StringComparer.Ordinal);
    private int _invocations;

    public int Invocations => Volatile.Read(ref _invocations);

    public List<JsonElement> Events { get; } = [];

    public void Allow(string authorization, string principal, string tenantId, string apiKey) =>
        _answers[authorization] = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["principalId"] = principal,
            ["policyDocument"] = new Dictionary<string, object>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new[] { new Dictionary<string, string> { ["Action"] = "execute-api:Invoke", ["Effect"] = "Allow", ["Resource"] = "arn:aws:execute-api:us-east-1:000000000000:tenancylcl/prod/*" } },
            },
            ["context"] = new Dictionary<string, string> { ["tenantId"] = tenantId, ["tier"] = "basic", ["model"] = "pool" },
            ["usageIdentifierKey"] = apiKey,
        });

    public void Deny(string authorization) =>
        _answers[authorization] = """{"principalId":"someone","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Deny","Resource":"arn:aws:execute-api:us-east-1:000000000000:tenancylcl/prod/*"}]}}"""u8.ToArray();

    public Task<LocalInvocationResult> InvokeAsync(string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (logicalId != FunctionName)
        {
            return functions.InvokeAsync(logicalId, payload, cancellationToken);
        }

        Interlocked.Increment(ref _invocations);
        using var document = JsonDocument.Parse(payload);
        lock (Events)
        {
            Events.Add(document.RootElement.Clone());
        }

        var authorization = document.RootElement.GetProperty("headers").GetProperty("Authorization").GetString()!;
        return Task.FromResult(_answers.TryGetValue(authorization, out var answer)
            ? new LocalInvocationResult(answer, null)
            : new LocalInvocationResult(LambdaErrorJson.Create("UnauthorizedException", "Unauthorized"), "UnauthorizedException"));
    }
}
