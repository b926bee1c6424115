using Tenancy.Api.Problems;
using Tenancy.Api.Tenants;

namespace Tenancy.Api.Me;

/// <summary><c>GET /me</c>: who the API believes the caller is, and which tenant (tier, model) it serves them as.</summary>
public static class MeFeature
{
    public static IServiceCollection AddMe(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(static options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, MeJsonContext.Default));

    public static RouteHandlerBuilder MapMe(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/me", (RequestTenant tenant) => TypedResults.Ok(new MeResponse(
            tenant.User.Subject,
            tenant.User.UserName,
            tenant.Scope.TenantId.Value,
            tenant.Scope.Tier,
            tenant.Scope.Placement.Model))).WithMetadata(RequiresTenant.Instance).WithTags("Identity")
            .ProducesProblems(ProblemResponseMetadata.TenantRouteStatuses);
}
