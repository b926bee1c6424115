using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>One registry item as the registry function keeps it: status, tier, the execution that owns provisioning, recorded resources.</summary>
public sealed record TenantRecord(string TenantId, string Status, string Tier, string? ExecutionId, JsonObject Resources, string? Cause);
