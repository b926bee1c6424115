using Tenancy.Api.Http;
using Tenancy.Api.Problems;
using Tenancy.Lambda.Hosting;
using Tenancy.Observability.Logging;
using Tenancy.Observability.Metrics;
using Tenancy.Observability.Usage;

namespace Tenancy.Api.Hosting;

/// <summary>
/// What every feature runs inside: JSON logging and EMF metrics, the Lambda server, the clock, strict JSON bodies and
/// problem details. Features add their own services, contracts and problem mappings on top (<c>AddOrders()</c>…).
/// </summary>
public static class TenancyApiHost
{
    public const string ServiceName = "tenant-api";

    public static WebApplicationBuilder AddTenancyApiHost(this WebApplicationBuilder builder, ApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var services = builder.Services;

        builder.Logging.ClearProviders();
        builder.Logging.AddTenancyJsonLogger(options => options.Service = ServiceName);
        builder.Logging.AddFilter<TenancyLoggerProvider>("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter<TenancyLoggerProvider>("Microsoft.Hosting", LogLevel.Information);
        services.AddEmfMetrics(options =>
        {
            options.Namespace = "Tenancy";
            options.Service = ServiceName;
            options.CaptureColdStart = true;
        });

        // In Lambda the API Gateway (REST, payload 1.0) server replaces Kestrel; elsewhere Kestrel serves unchanged.
        services.AddLambdaHosting(LambdaEventSource.RestApi);

        // Usage records go to stdout beside the logs, where the metering subscription reads them.
        services.AddSingleton(new UsageRecordWriter());
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);

        // Strict bodies: a member the contract does not declare (a tenantId, a typo) is a 400, never ignored.
        // Each feature chains its own source-generated context into these options.
        services.ConfigureHttpJsonOptions(static options =>
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow);

        // Binding failures (malformed JSON, wrong content type) throw so the problem middleware can describe them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddApiProblems();
        services.AddExceptionProblemMapping(static _ => new BadRequestProblemMapping());
        return builder;
    }
}
