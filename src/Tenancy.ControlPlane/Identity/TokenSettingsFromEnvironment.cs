using System.Globalization;
using Tenancy.Identity;

namespace Tenancy.ControlPlane.Identity;

/// <summary>
/// The token settings of the authorizer, from the same variables as the API's (<c>TENANCY_JWT_ISSUER</c>,
/// <c>TENANCY_JWT_AUDIENCE</c>, optional <c>TENANCY_JWKS_URI</c> and <c>TENANCY_TOKEN_CLOCK_SKEW_SECONDS</c>), so both
/// verify the same tokens the same way.
/// </summary>
public static class TokenSettingsFromEnvironment
{
    public static AccessTokenValidationSettings Read(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        string? Optional(string key) => read(key) is { Length: > 0 } value ? value : null;
        string Required(string key) => Optional(key) ?? throw new InvalidOperationException($"The setting {key} is required.");

        var issuer = Required("TENANCY_JWT_ISSUER").TrimEnd('/');
        var skew = TimeSpan.FromSeconds(int.Parse(Optional("TENANCY_TOKEN_CLOCK_SKEW_SECONDS") ?? "30", CultureInfo.InvariantCulture));
        if (skew < TimeSpan.Zero || skew > TimeSpan.FromSeconds(60))
        {
            throw new InvalidOperationException("TENANCY_TOKEN_CLOCK_SKEW_SECONDS must be between 0 and 60.");
        }

        return new AccessTokenValidationSettings
        {
            Issuer = issuer,
            JwksUri = new Uri(Optional("TENANCY_JWKS_URI") ?? issuer + "/.well-known/jwks.json", UriKind.Absolute),
            ClientId = Required("TENANCY_JWT_AUDIENCE"),
            ClockSkew = skew,
        };
    }
}
