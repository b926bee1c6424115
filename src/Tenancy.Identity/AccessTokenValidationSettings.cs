namespace Tenancy.Identity;

/// <summary>What an access token must match: its issuer, the app client it was issued to, and the allowed clock skew.</summary>
public sealed record AccessTokenValidationSettings
{
    /// <summary>The token issuer (<c>iss</c>), e.g. <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>.</summary>
    public required string Issuer { get; init; }

    /// <summary>Where the issuer publishes its signing keys.</summary>
    public required Uri JwksUri { get; init; }

    /// <summary>The app client the tokens must be issued to (<c>client_id</c> of access tokens).</summary>
    public required string ClientId { get; init; }

    /// <summary>Clock skew allowed on <c>exp</c>/<c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);
}
