using Tenancy.Api.Hosting;
using Tenancy.Api.Problems;
using Tenancy.Identity;

namespace Tenancy.Api.Identity;

/// <summary>Access-token verification: the issuer's keys and the shared verifier, configured from <see cref="ApiSettings"/>.</summary>
public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddAccessTokenVerification(this IServiceCollection services, ApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(provider => new JwksKeyStore(
            new HttpClient { Timeout = TimeSpan.FromSeconds(5) },
            settings.JwksUri,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<JwksKeyStore>>()));
        services.AddSingleton(provider => new AccessTokenVerifier(
            provider.GetRequiredService<JwksKeyStore>(),
            new AccessTokenValidationSettings
            {
                Issuer = settings.Issuer,
                JwksUri = settings.JwksUri,
                ClientId = settings.ClientId,
                ClockSkew = settings.TokenClockSkew,
            }));
        services.AddExceptionProblemMapping(static _ => new IdentityProblemMapping());
        return services;
    }
}
