using System.Diagnostics;
using Tenancy.Api.Tenants;
using Tenancy.Isolation;
using Tenancy.Observability.Metrics;

namespace Tenancy.Api.Telemetry;

/// <summary>
/// One structured log line and one set of EMF metrics per request, after the response status is final (problem
/// responses included). The tenant is the resolved scope's, entered as <see cref="AmbientTenant"/> so the logger's
/// <c>tenant_id</c>/<c>tenant_tier</c> keys and the metrics' tier dimension come from it — never from input.
/// </summary>
public sealed partial class RequestTelemetryMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<RequestTelemetryMiddleware> _logger;

    public RequestTelemetryMiddleware(RequestDelegate next, ILogger<RequestTelemetryMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            var tenant = context.Features.Get<RequestTenant>();
            using (tenant is null ? null : AmbientTenant.Enter(tenant.Scope))
            {
                LogRequest(_logger, context.Request.Method, route, context.Response.StatusCode, elapsed.TotalMilliseconds);
                var metrics = context.RequestServices.GetService<EmfMetrics>();
                if (metrics is not null)
                {
                    metrics.AddMetric("Requests", 1, MetricUnit.Count);
                    metrics.AddMetric("Latency", elapsed.TotalMilliseconds, MetricUnit.Milliseconds);
                    metrics.AddMetric(context.Response.StatusCode >= 500 ? "ServerErrors" : context.Response.StatusCode >= 400 ? "ClientErrors" : "Successes", 1, MetricUnit.Count);
                }
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {DurationMs} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double durationMs);
}
