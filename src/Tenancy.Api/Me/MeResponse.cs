using Tenancy.Isolation;

namespace Tenancy.Api.Me;

public sealed record MeResponse(string UserId, string? UserName, string TenantId, TenantTier Tier, TenancyModel Model);
