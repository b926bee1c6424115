using Tenancy.Local.Emulator;

namespace Tenancy.Resilience.Tests.Infrastructure;

/// <summary>An onboarded tenant and its demo user's access token.</summary>
public sealed record LoadTenant(OnboardedTenant Onboarded, string AccessToken)
{
    public string Id => Onboarded.TenantId.Value;

    public override string ToString() => $"{Id} ({Onboarded.Tier}, {Onboarded.Placement.Model})";
}
