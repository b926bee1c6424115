using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>
/// The registry function's transitions, each a conditional write on the status (the contract docs/control-plane.md
/// states): a refused transition is a function error named <c>Tenancy.TransitionRefused</c>.
/// </summary>
public sealed class SimulatedRegistry
{
    private readonly Dictionary<string, TenantRecord> _tenants = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TenantRecord? Find(string tenantId)
    {
        lock (_gate)
        {
            return _tenants.GetValueOrDefault(tenantId);
        }
    }

    public JsonNode Apply(JsonNode request)
    {
        var transition = request["transition"]!.GetValue<string>();
        var tenantId = request["tenantId"]!.GetValue<string>();
        lock (_gate)
        {
            var current = _tenants.GetValueOrDefault(tenantId);
            var next = transition switch
            {
                "register" => Register(current, tenantId, request),
                "activate" => Require(current, tenantId, "PROVISIONING") with { Status = "ACTIVE", Resources = request["resources"]!.DeepClone().AsObject(), Cause = null },
                "fail" => Require(current, tenantId, "PROVISIONING") with { Status = "FAILED", Cause = request["cause"]?.GetValue<string>() },
                "suspend" => current?.Status is "SUSPENDED" or "OFFBOARDING" ? current : Require(current, tenantId, "ACTIVE") with { Status = "SUSPENDED" },
                "begin-offboarding" => current?.Status == "OFFBOARDING" ? current : Require(current, tenantId, "SUSPENDED") with { Status = "OFFBOARDING" },
                "offboarding-failed" => Require(current, tenantId, "OFFBOARDING") with { Cause = request["cause"]?.GetValue<string>() },
                "delete" => Require(current, tenantId, "OFFBOARDING") with { Status = "DELETED" },
                _ => throw Refused($"Unknown transition {transition}."),
            };
            _tenants[tenantId] = next;
            return new JsonObject { ["tenantId"] = tenantId, ["status"] = next.Status, ["tier"] = next.Tier, ["resources"] = next.Resources.DeepClone() };
        }
    }

    private static TenantRecord Register(TenantRecord? current, string tenantId, JsonNode request)
    {
        var tier = request["tier"]!.GetValue<string>();
        var executionId = request["executionId"]?.GetValue<string>();
        return current switch
        {
            null => new TenantRecord(tenantId, "PROVISIONING", tier, executionId, [], null),
            { Status: "ACTIVE" } => current,
            { Status: "FAILED" } => current with { Status = "PROVISIONING", Tier = tier, ExecutionId = executionId, Resources = [], Cause = null },
            { Status: "PROVISIONING" } when current.ExecutionId == executionId => current,
            _ => throw Refused($"Tenant {tenantId} is {current.Status}; onboarding cannot take it."),
        };
    }

    private static TenantRecord Require(TenantRecord? current, string tenantId, string status) =>
        current?.Status == status ? current : throw Refused($"Tenant {tenantId} is {current?.Status ?? "absent"}, not {status}.");

    private static SimulatedServiceException Refused(string message) => new("Tenancy.TransitionRefused", message);
}
