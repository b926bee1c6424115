using Tenancy.Api.Hosting;
using Tenancy.Api.Problems;
using Tenancy.Isolation;
using Tenancy.Isolation.Credentials;
using Tenancy.Isolation.Encryption;
using Tenancy.Isolation.Registry;

namespace Tenancy.Api.Tenants;

/// <summary>
/// Tenant isolation for the API: the registry, credential vending, per-tenant encryption and the scope factory that
/// ties them together, the middleware that narrows each tenant endpoint's request to one tenant, and the problem
/// mappings for the isolation layer's exceptions.
/// </summary>
public static class TenantIsolationServiceCollectionExtensions
{
    public static IServiceCollection AddTenantIsolation(this IServiceCollection services, ApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);

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

        services.AddExceptionProblemMapping(static _ => new TenantIsolationProblemMapping());
        services.AddExceptionProblemMapping(static _ => new TenantDataProblemMapping());
        return services;
    }

    /// <summary>
    /// Refuses requests that name a tenant and resolves the caller's tenant for endpoints marked
    /// <see cref="RequiresTenant"/>; goes after routing, so the endpoint's metadata is known.
    /// </summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) => app.UseMiddleware<TenantResolutionMiddleware>();
}
