using Tenancy.Api.Health;
using Tenancy.Api.Hosting;
using Tenancy.Api.Http;
using Tenancy.Api.Identity;
using Tenancy.Api.Me;
using Tenancy.Api.Orders;
using Tenancy.Api.Problems;
using Tenancy.Api.Telemetry;
using Tenancy.Api.Tenants;
using Tenancy.Observability.Metrics;

var builder = WebApplication.CreateSlimBuilder(args);
var settings = ApiSettings.FromConfiguration(builder.Configuration);
builder.AddTenancyApiHost(settings);
builder.Services
    .AddAccessTokenVerification(settings)
    .AddTenantIsolation(settings)
    .AddHealth()
    .AddMe()
    .AddOrders();

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
app.Run();
