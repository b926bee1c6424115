using Microsoft.AspNetCore.Routing;
using Tenancy.Api.Identity;
using Tenancy.Api.Json;

namespace Tenancy.Api.Hosting;

/// <summary>The API's service graph: JSON contracts, token verification, tenant resolution and the repositories.</summary>
public static class TenancyApiServices
{
    public static IServiceCollection AddTenancyApi(this IServiceCollection services, ApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
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
        return services;
    }
}
