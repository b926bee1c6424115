using Tenancy.Api.Hosting;
using Tenancy.Api.Http;
using Tenancy.Api.Me;
using Tenancy.Api.Orders;
using Tenancy.Api.Problems;
using Tenancy.Api.Telemetry;
using Tenancy.Api.Tenants;
using Tenancy.Observability.Metrics;

var builder = WebApplication.CreateSlimBuilder(args);
var settings = ApiSettings.FromConfiguration(builder.Configuration);
builder.AddTenancyApi(settings);

var app = builder.Build();
app.UseEmfMetrics();
app.UseMiddleware<RequestTelemetryMiddleware>();
app.UseMiddleware<ProblemDetailsMiddleware>();
app.UseMiddleware<RequestBodyLimitMiddleware>(settings.MaxRequestBodyBytes);
app.UseRouting();
app.UseMiddleware<TenantResolutionMiddleware>();
app.MapHealthEndpoints();
app.MapMeEndpoints();
app.MapOrderEndpoints();
app.Run();
