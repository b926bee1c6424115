using Tenancy.Api.Hosting;
using Tenancy.Api.Http;
using Tenancy.Api.Me;
using Tenancy.Api.Orders;
using Tenancy.Api.Problems;
using Tenancy.Api.Tenants;

var builder = WebApplication.CreateSlimBuilder(args);
var settings = ApiSettings.FromConfiguration(builder.Configuration);
builder.Services.AddTenancyApi(settings);

var app = builder.Build();
app.UseMiddleware<ProblemDetailsMiddleware>();
app.UseMiddleware<RequestBodyLimitMiddleware>(settings.MaxRequestBodyBytes);
app.UseRouting();
app.UseMiddleware<TenantResolutionMiddleware>();
app.MapHealthEndpoints();
app.MapMeEndpoints();
app.MapOrderEndpoints();
app.Run();
