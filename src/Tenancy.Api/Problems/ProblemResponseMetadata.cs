namespace Tenancy.Api.Problems;

/// <summary>
/// Declares on a route which problem responses (RFC 9457, <c>application/problem+json</c>) it can answer with, so the
/// OpenAPI document describes them from the routes themselves.
/// </summary>
public static class ProblemResponseMetadata
{
    public const string ContentType = "application/problem+json";

    /// <summary>The failures every tenant route can answer with: its request, token, tenant, throttling and dependencies.</summary>
    public static readonly int[] TenantRouteStatuses =
    [
        StatusCodes.Status400BadRequest,
        StatusCodes.Status401Unauthorized,
        StatusCodes.Status403Forbidden,
        StatusCodes.Status429TooManyRequests,
        StatusCodes.Status500InternalServerError,
        StatusCodes.Status503ServiceUnavailable,
    ];

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiProblem), [ContentType]));
        }

        return builder;
    }
}
