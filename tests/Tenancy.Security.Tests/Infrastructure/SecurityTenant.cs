using Tenancy.Local.Emulator;

namespace Tenancy.Security.Tests.Infrastructure;

/// <summary>An onboarded tenant, its demo user's access token and the marker planted in its data.</summary>
public sealed record SecurityTenant(OnboardedTenant Onboarded, string AccessToken, string Secret)
{
    public string Id => Onboarded.TenantId.Value;

    public string TableName => Onboarded.Placement.TableName;

    public string PartitionKey => $"TENANT#{Id}";

    public override string ToString() => Id;
}
