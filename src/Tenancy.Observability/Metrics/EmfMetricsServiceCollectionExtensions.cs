using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tenancy.Observability.Metrics;

/// <summary>Registration of EMF metrics and the per-request flushing middleware.</summary>
public static class EmfMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmfMetrics"/> as a scoped service: each request (or invocation scope) gets its own
    /// buffer, so concurrent requests never share dimensions. Options and environment are resolved once.
    /// </summary>
    public static IServiceCollection AddEmfMetrics(this IServiceCollection services, Action<EmfMetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(static provider => new EmfMetricsConfiguration(provider.GetRequiredService<IOptions<EmfMetricsOptions>>().Value));
        services.TryAddScoped(static provider => new EmfMetrics(provider.GetRequiredService<EmfMetricsConfiguration>()));
        return services;
    }

    /// <summary>
    /// Flushes the request's <see cref="EmfMetrics"/> when the rest of the pipeline has run (and writes the cold-start
    /// metric first when configured) — Powertools' <c>UseMetrics()</c>. Place it early, before authentication, so
    /// every request is covered.
    /// </summary>
    public static IApplicationBuilder UseEmfMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static (HttpContext context, RequestDelegate next) =>
            context.RequestServices.GetRequiredService<EmfMetrics>().RunInvocationAsync(() => next(context)));
    }
}
