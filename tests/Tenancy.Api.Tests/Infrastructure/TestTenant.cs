using Tenancy.Local.Emulator;

namespace Tenancy.Api.Tests.Infrastructure;

/// <summary>An onboarded tenant with its demo user's tokens (signed in through the local issuer's HTTP sign-in).</summary>
public sealed record TestTenant(OnboardedTenant Onboarded, string AccessToken, string IdToken)
{
    public string Id => Onboarded.TenantId.Value;

    public string TableName => Onboarded.Placement.TableName;

    public string PartitionKey => $"TENANT#{Id}";

    public override string ToString() => $"{Id} ({Onboarded.Tier}, {Onboarded.Placement.Model})";
}
