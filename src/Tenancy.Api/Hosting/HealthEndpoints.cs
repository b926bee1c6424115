namespace Tenancy.Api.Hosting;

/// <summary><c>GET /health</c>: the process is up and serving; it touches no tenant and needs no token.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok")));
}

public sealed record HealthResponse(string Status);
