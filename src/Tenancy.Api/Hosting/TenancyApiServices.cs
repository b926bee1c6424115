using Microsoft.AspNetCore.Routing;
using Tenancy.Api.Identity;
using Tenancy.Api.Json;
using Tenancy.Api.Orders;
using Tenancy.Isolation;
using Tenancy.Isolation.Credentials;
using Tenancy.Lambda.Hosting;
using Tenancy.Isolation.Encryption;
using Tenancy.Isolation.Registry;
using Tenancy.Observability.Logging;
using Tenancy.Observability.Metrics;

namespace Tenancy.Api.Hosting;

/// <summary>The API's service graph: JSON contracts, token verification, tenant resolution and the repositories.</summary>
public static class TenancyApiServices
{
    public const string ServiceName = "tenant-api";

    public static WebApplicationBuilder AddTenancyApi(this WebApplicationBuilder builder, ApiSettings settings)
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

        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));

        // Binding failures (malformed JSON, wrong content type) throw so the problem middleware can describe them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddSingleton(provider => new JwksKeyStore(
            new HttpClient { Timeout = TimeSpan.FromSeconds(5) },
            settings.JwksUri,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<JwksKeyStore>>()));
        services.AddSingleton<AccessTokenVerifier>();

        // The function's own credentials read only the registry; tenant data is reached only through vended clients.
        services.AddSingleton<ITenantRegistry>(provider => TenantRegistryFactory.CreateWithFunctionCredentials(
            new TenantRegistryOptions { TableName = settings.TenantRegistryTableName },
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITenantClientProvider>(provider => new StsTenantClientProvider(
            new TenantCredentialOptions { RoleArn = settings.TenantDataRoleArn, SessionDuration = settings.TenantCredentialDuration },
            provider.GetRequiredService<ITenantRegistry>(),
            timeProvider: provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITenantFieldEncryptorFactory>(provider => new KmsTenantFieldEncryptorFactory(timeProvider: provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new TenantScopeFactory(
            provider.GetRequiredService<ITenantRegistry>(),
            provider.GetRequiredService<ITenantClientProvider>(),
            provider.GetRequiredService<ITenantFieldEncryptorFactory>()));
        return builder;
    }
}
