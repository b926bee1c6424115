using System.Text.Json.Nodes;

namespace Tenancy.Workflows.Tests.Simulated;

/// <summary>One registry item as the registry function keeps it: status, tier and placement, recorded resources, failure cause.</summary>
public sealed record TenantRecord(string TenantId, string Name, string Status, string Tier, string Model, string TableName, JsonObject Resources, string? Cause);
