using System.Diagnostics;
using Tenancy.Api.Tenants;
using Tenancy.Isolation;
using Tenancy.Isolation.Usage;
using Tenancy.Observability.Metrics;
using Tenancy.Observability.Usage;

namespace Tenancy.Api.Telemetry;

/// <summary>
/// One structured log line, one set of EMF metrics and, for a request resolved to a tenant, one usage record per
/// request, after the response status is final (problem responses included). The tenant is the resolved scope's,
/// entered as <see cref="AmbientTenant"/> so the logger's <c>tenant_id</c>/<c>tenant_tier</c> keys and the metrics'
/// tier dimension come from it — never from input.
/// </summary>
public sealed partial class RequestTelemetryMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<RequestTelemetryMiddleware> _logger;
    private readonly UsageRecordWriter _usage;
    private readonly TimeProvider _clock;

    public RequestTelemetryMiddleware(RequestDelegate next, ILogger<RequestTelemetryMiddleware> logger, UsageRecordWriter usage, TimeProvider clock)
    {
        _next = next;
        _logger = logger;
        _usage = usage;
        _clock = clock;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var data = DataUsage.Begin();
        var body = context.Response.Body;
        var countedBody = new ByteCountingStream(body);
        context.Response.Body = countedBody;
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = body;
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

            if (tenant is not null)
            {
                _usage.Write(new UsageRecord
                {
                    Timestamp = _clock.GetUtcNow(),
                    TenantId = tenant.Scope.TenantId.Value,
                    Tier = UsageRecord.TierName(tenant.Scope.Tier),
                    Service = Hosting.TenancyApiHost.ServiceName,
                    Operation = $"{context.Request.Method} {route}",
                    Status = context.Response.StatusCode,
                    ItemsRead = data.ItemsRead,
                    ItemsWritten = data.ItemsWritten,
                    BytesIn = context.Request.ContentLength ?? 0,
                    BytesOut = countedBody.BytesWritten,
                    DurationMs = elapsed.TotalMilliseconds,
                    ComputeMs = (long)Math.Ceiling(elapsed.TotalMilliseconds),
                });
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {DurationMs} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double durationMs);
}
