using Amazon.DynamoDBv2.Model;

namespace Tenancy.ControlPlane.TierChange;

/// <summary>One page of a tenant's whole items and where the listing resumes (null: the listing is complete).</summary>
internal sealed record TenantItemPage(IReadOnlyList<Dictionary<string, AttributeValue>> Items, TenantItemCursor? Next);
