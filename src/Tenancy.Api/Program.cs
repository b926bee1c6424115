using Tenancy.Api.Attachments;
using Tenancy.Api.Health;
using Tenancy.Api.Hosting;
using Tenancy.Api.Http;
using Tenancy.Api.Identity;
using Tenancy.Api.Me;
using Tenancy.Api.OpenApi;
using Tenancy.Api.Orders;
using Tenancy.Api.Problems;
using Tenancy.Api.Telemetry;
using Tenancy.Api.Tenants;
using Tenancy.Lambda.Runtime;
using Tenancy.Observability.Metrics;

// In Lambda the empty builder skips what a function never uses (appsettings files and their watchers, the console
// logger, Kestrel) — most of ASP.NET Core's init cost; settings come from the function's environment variables.
// Elsewhere the slim builder runs the same app on Kestrel, unchanged.
var builder = LambdaEnvironment.IsLambda
    ? WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args })
    : WebApplication.CreateSlimBuilder(args);
if (LambdaEnvironment.IsLambda)
{
    builder.Configuration.AddEnvironmentVariables();
    builder.Services.AddRoutingCore();
}

var settings = ApiSettings.FromConfiguration(builder.Configuration);
builder.AddTenancyApiHost(settings);
builder.Services
    .AddAccessTokenVerification(settings)
    .AddTenantIsolation(settings)
    .AddHealth()
    .AddMe()
    .AddOrders()
    .AddAttachments(builder.Configuration, settings.MaxRequestBodyBytes);
if (OpenApiDocumentGeneration.IsSupported && OpenApiDocumentGeneration.IsToolRunning)
{
    // Only the build-time document tool; trimmed out of the published bootstrap.
    builder.Services.AddTenantApiDocument();
}

var app = builder.Build();
app.UseEmfMetrics();
app.UseMiddleware<RequestTelemetryMiddleware>();
app.UseApiProblems();
app.UseMiddleware<RequestBodyLimitMiddleware>(settings.MaxRequestBodyBytes);
app.UseRouting();
app.UseTenantResolution();
app.MapHealth();
app.MapMe();
app.MapOrders();
app.MapAttachments();
app.Run();
