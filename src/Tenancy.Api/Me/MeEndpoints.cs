using Tenancy.Api.Tenants;
using Tenancy.Isolation;

namespace Tenancy.Api.Me;

/// <summary><c>GET /me</c>: who the API believes the caller is, and which tenant (tier, model) it serves them as.</summary>
public static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/me", (RequestTenant tenant) => TypedResults.Ok(new MeResponse(
            tenant.User.Subject,
            tenant.User.UserName,
            tenant.Scope.TenantId.Value,
            tenant.Scope.Tier,
            tenant.Scope.Placement.Model))).WithMetadata(RequiresTenant.Instance);
}

public sealed record MeResponse(string UserId, string? UserName, string TenantId, TenantTier Tier, TenancyModel Model);
