using System.Globalization;

namespace Tenancy.Api.Hosting;

/// <summary>
/// Everything the API needs to know about its environment, read once at start-up from the environment variables
/// <c>template.yaml</c> sets on the function (<c>TENANCY_JWT_ISSUER</c>, <c>TENANCY_JWT_AUDIENCE</c>,
/// <c>TENANCY_TENANT_DATA_ROLE_ARN</c>, <c>TENANCY_REGISTRY_TABLE</c>, optional <c>TENANCY_JWKS_URI</c>,
/// <c>TENANCY_TOKEN_CLOCK_SKEW_SECONDS</c>, <c>TENANCY_MAX_REQUEST_BODY_BYTES</c>, <c>TENANCY_CREDENTIAL_DURATION_SECONDS</c>). Missing required settings stop the
/// process at start-up rather than at the first request.
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

    /// <summary>Lifetime of each vended tenant session (STS: 15 min to the role's maximum).</summary>
    public TimeSpan TenantCredentialDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Clock skew allowed on <c>exp</c>/<c>nbf</c>; at most 60 s.</summary>
    public TimeSpan TokenClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request body accepted; bigger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 32 * 1024;

    public static ApiSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Optional(string key) => configuration[key] is { Length: > 0 } value ? value : null;
        string Required(string key) => Optional(key) ?? throw new InvalidOperationException($"The setting {key} is required.");

        var issuer = Required("TENANCY_JWT_ISSUER").TrimEnd('/');
        var jwks = Optional("TENANCY_JWKS_URI") ?? issuer + "/.well-known/jwks.json";
        var skew = TimeSpan.FromSeconds(int.Parse(Optional("TENANCY_TOKEN_CLOCK_SKEW_SECONDS") ?? "30", CultureInfo.InvariantCulture));
        if (skew < TimeSpan.Zero || skew > TimeSpan.FromSeconds(60))
        {
            throw new InvalidOperationException("TENANCY_TOKEN_CLOCK_SKEW_SECONDS must be between 0 and 60.");
        }

        return new ApiSettings
        {
            Issuer = issuer,
            JwksUri = new Uri(jwks, UriKind.Absolute),
            ClientId = Required("TENANCY_JWT_AUDIENCE"),
            TenantDataRoleArn = Required("TENANCY_TENANT_DATA_ROLE_ARN"),
            TenantRegistryTableName = Optional("TENANCY_REGISTRY_TABLE") ?? "TenantRegistry",
            TokenClockSkew = skew,
            TenantCredentialDuration = TimeSpan.FromSeconds(int.Parse(Optional("TENANCY_CREDENTIAL_DURATION_SECONDS") ?? "3600", CultureInfo.InvariantCulture)),
            MaxRequestBodyBytes = long.Parse(Optional("TENANCY_MAX_REQUEST_BODY_BYTES") ?? "32768", CultureInfo.InvariantCulture),
        };
    }
}
