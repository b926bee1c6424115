using System.Globalization;

namespace Tenancy.Api.Hosting;

/// <summary>
/// Everything the API needs to know about its environment, read once at start-up from configuration
/// (environment variables <c>Tenancy__Issuer</c> etc., or <c>appsettings.json</c>). Missing required settings stop
/// the process at start-up rather than at the first request.
/// </summary>
public sealed record ApiSettings
{
    /// <summary>The token issuer (<c>iss</c>), e.g. <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>.</summary>
    public required string Issuer { get; init; }

    /// <summary>Where the issuer publishes its signing keys; defaults to <c>&lt;Issuer&gt;/.well-known/jwks.json</c>.</summary>
    public required Uri JwksUri { get; init; }

    /// <summary>The app client the tokens must be issued to (<c>client_id</c> of access tokens).</summary>
    public required string ClientId { get; init; }

    /// <summary>The STS role every request narrows itself to, with the session tag <c>TenantID</c>.</summary>
    public required string TenantDataRoleArn { get; init; }

    /// <summary>The tenant registry table (read with the function's own credentials).</summary>
    public required string TenantRegistryTableName { get; init; }

    /// <summary>How long a registry answer (tier, placement, status) is reused before it is read again.</summary>
    public TimeSpan RegistryCacheDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Clock skew allowed on <c>exp</c>/<c>nbf</c>; at most 60 s.</summary>
    public TimeSpan TokenClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request body accepted; bigger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 32 * 1024;

    public static ApiSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Tenancy");

        string Required(string key) => section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The setting Tenancy:{key} (environment variable Tenancy__{key}) is required.");

        var issuer = Required("Issuer").TrimEnd('/');
        var jwks = section["JwksUri"] is { Length: > 0 } configuredJwks ? configuredJwks : issuer + "/.well-known/jwks.json";
        var skew = section["TokenClockSkewSeconds"] is { Length: > 0 } s ? TimeSpan.FromSeconds(int.Parse(s, CultureInfo.InvariantCulture)) : TimeSpan.FromSeconds(30);
        if (skew < TimeSpan.Zero || skew > TimeSpan.FromSeconds(60))
        {
            throw new InvalidOperationException("Tenancy:TokenClockSkewSeconds must be between 0 and 60.");
        }

        return new ApiSettings
        {
            Issuer = issuer,
            JwksUri = new Uri(jwks, UriKind.Absolute),
            ClientId = Required("ClientId"),
            TenantDataRoleArn = Required("TenantDataRoleArn"),
            TenantRegistryTableName = section["TenantRegistryTableName"] is { Length: > 0 } table ? table : "TenantRegistry",
            RegistryCacheDuration = section["RegistryCacheSeconds"] is { Length: > 0 } r ? TimeSpan.FromSeconds(int.Parse(r, CultureInfo.InvariantCulture)) : TimeSpan.FromSeconds(30),
            TokenClockSkew = skew,
            MaxRequestBodyBytes = section["MaxRequestBodyBytes"] is { Length: > 0 } m ? long.Parse(m, CultureInfo.InvariantCulture) : 32 * 1024,
        };
    }
}
