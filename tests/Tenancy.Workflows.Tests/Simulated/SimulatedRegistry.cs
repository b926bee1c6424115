using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>
/// The registry function's transitions as docs/control-plane-functions.md specifies them: each a conditional write on
/// the status that returns the item unchanged when it is already in the target state, a refused one a function error
/// named after its exception; the API key value is stored but never returned.
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
                "record-resources" => Merge(Move(current, tenantId, "Provisioning", "Provisioning"), request["resources"]!.AsObject()),
                "activate" => Move(current, tenantId, "Provisioning", "Active"),
                "fail" => Move(current, tenantId, "Provisioning", "Failed") with { Cause = request["cause"]!.GetValue<string>() },
                "suspend" => Move(current, tenantId, "Active", "Suspended"),
                "resume" => Move(current, tenantId, "Suspended", "Active"),
                "begin-offboarding" => Move(current, tenantId, "Suspended", "Offboarding"),
                "complete-offboarding" => Move(current, tenantId, "Offboarding", "Deleted"),
                "get" => current ?? throw NotRegistered(tenantId),
                _ => throw new SimulatedServiceException("RegistryRequestException", $"Unknown transition {transition}."),
            };
            _tenants[tenantId] = next;
            var resources = next.Resources.DeepClone().AsObject();
            resources.Remove("apiKeyValue");
            return new JsonObject
            {
                ["tenantId"] = tenantId,
                ["name"] = next.Name,
                ["tier"] = next.Tier,
                ["status"] = next.Status,
                ["model"] = next.Model,
                ["tableName"] = next.TableName,
                ["resources"] = resources,
            };
        }
    }

    private static TenantRecord Register(TenantRecord? current, string tenantId, JsonNode request)
    {
        var tier = request["tier"]!.GetValue<string>();
        var name = request["name"]!.GetValue<string>();
        var (model, table) = tier switch
        {
            "Premium" => ("Silo", $"AppData-{tenantId}"),
            "Basic" => ("Pool", "AppData"),
            _ => throw new SimulatedServiceException("RegistryRequestException", $"Unknown tier {tier}."),
        };
        return current switch
        {
            null => new TenantRecord(tenantId, name, "Provisioning", tier, model, table, [], null),
            { Status: "Failed" } => new TenantRecord(tenantId, name, "Provisioning", tier, model, table, [], null),
            { Status: "Provisioning" or "Active" or "Suspended" } when current.Tier == tier => current,
            { Status: "Provisioning" or "Active" or "Suspended" } => throw new SimulatedServiceException("TenantRegistrationConflictException", $"Tenant {tenantId} is registered with tier {current.Tier}."),
            { } other => throw Illegal(tenantId, other.Status, "register"),
        };
    }

    private static TenantRecord Move(TenantRecord? current, string tenantId, string from, string to)
    {
        if (current is null)
        {
            throw NotRegistered(tenantId);
        }

        if (current.Status == from)
        {
            return current with { Status = to };
        }

        return current.Status == to ? current : throw Illegal(tenantId, current.Status, to);
    }

    private static TenantRecord Merge(TenantRecord record, JsonObject resources)
    {
        var merged = record.Resources.DeepClone().AsObject();
        foreach (var (name, value) in resources)
        {
            merged[name] = value?.DeepClone();
        }

        return record with { Resources = merged };
    }

    private static SimulatedServiceException Illegal(string tenantId, string status, string target) =>
        new("IllegalTenantTransitionException", $"Tenant {tenantId} is {status}; it cannot go to {target}.");

    private static SimulatedServiceException NotRegistered(string tenantId) => new("TenantNotRegisteredException", $"Tenant {tenantId} is not registered.");
}
