using Tenancy.Api.Problems;

namespace Tenancy.Api.Health;

/// <summary><c>GET /health</c>: the process is up and serving; it touches no tenant and needs no token.</summary>
public static class HealthFeature
{
    public static IServiceCollection AddHealth(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(static options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, HealthJsonContext.Default));

    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithTags("Health")
            .ProducesProblems(StatusCodes.Status500InternalServerError);
}
