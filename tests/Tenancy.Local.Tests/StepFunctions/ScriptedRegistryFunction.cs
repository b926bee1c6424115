using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tenancy.Local.Functions;

namespace Tenancy.Local.Tests.StepFunctions;

/// <summary>
/// An in-process stand-in for the registry function behind the same <see cref="ILocalFunctionInvoker"/> the AOT
/// bootstraps are reached through (publishing them would cost minutes per test run): it records every event and
/// answers <c>register</c> as the registry does for a tenant that is already Active, fails with a function error
/// for <see cref="RefusedTenant"/>, and holds <see cref="HeldTenant"/> until <see cref="Release"/> so a test can
/// observe a running execution. A tenant named <see cref="NewTenantPrefix"/>… is new: registered Provisioning
/// (Premium in a silo table), its resources recorded, then activated. Any other function is unknown.
/// </summary>
public sealed class ScriptedRegistryFunction : ILocalFunctionInvoker
{
    public const string LogicalId = "RegistryFunction";
    public const string RefusedTenant = "refused-co";
    public const string HeldTenant = "held-co";
    public const string NewTenantPrefix = "new-";

    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<JsonObject> Events { get; } = new();

    public void Release()
    {
        _held.TrySetResult();
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<LocalInvocationResult> InvokeAsync(string logicalId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (logicalId != LogicalId)
        {
            throw new UnknownFunctionException(logicalId, [LogicalId]);
        }

        var request = JsonNode.Parse(payload.Span)!.AsObject();
        Events.Enqueue(request);
        var tenant = (string?)request["tenantId"];
        if (tenant == HeldTenant)
        {
            await _held.Task.WaitAsync(cancellationToken);
        }

        var tier = (string?)request["tier"] ?? "Basic";
        JsonObject answer = (tenant, (string?)request["transition"]) switch
        {
            (RefusedTenant, _) => new() { ["errorType"] = "TenantStateConflict", ["errorMessage"] = $"{tenant} is being offboarded" },
            (_, "register") when tenant?.StartsWith(NewTenantPrefix, StringComparison.Ordinal) == true => new()
            {
                ["status"] = "Provisioning",
                ["tier"] = tier,
                ["model"] = tier == "Premium" ? "Silo" : "Pool",
                ["tableName"] = tier == "Premium" ? $"tenancy-local-tenant-{tenant}" : "tenancy-local-app-data",
            },
            (_, "record-resources") => new() { ["status"] = "Provisioning" },
            (_, "activate") => new() { ["status"] = "Active" },
            _ => new() { ["status"] = "Active", ["tier"] = tier, ["model"] = "Pool", ["tableName"] = "tenancy-local-app-data" },
        };
        return new LocalInvocationResult(System.Text.Encoding.UTF8.GetBytes(answer.ToJsonString()), tenant == RefusedTenant ? "TenantStateConflict" : null);
    }
}
