using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tenancy.Isolation;

namespace Tenancy.Identity;

/// <summary>
/// Verifies a bearer access token the way the API Gateway authorizer does, again, inside the function (the API does
/// not trust its front door): RS256 only (so <c>alg:none</c> and HS256-with-the-public-key confusion are refused before
/// any key is looked at), a <c>kid</c> published by the issuer's JWKS, the issuer, expiry and not-before with a small
/// skew, <c>token_use</c> = <c>access</c>, <c>client_id</c> = this API's app client, a subject, and the tenant
/// from the <c>custom:tenantID</c> claim parsed as a <see cref="TenantId"/>.
/// </summary>
/// <remarks>
/// Only access tokens are accepted: ID tokens are meant for the client application, not for APIs, and a stolen ID
/// token must not open the API. Cognito access tokens carry the app client in <c>client_id</c> rather than
/// <c>aud</c>; a token that does carry <c>aud</c> must name the same client.
/// </remarks>
public sealed class AccessTokenVerifier
{
    /// <summary>The claim naming the tenant, set by the issuer from the user's immutable attribute.</summary>
    public const string TenantClaim = "custom:tenantID";

    /// <summary>
    /// Cognito access tokens are about 1 KB; anything far larger is refused before it is decoded, so a padded token
    /// cannot make every request parse and hash kilobytes of attacker-chosen JSON.
    /// </summary>
    public const int MaxTokenLength = 8 * 1024;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly JwksKeyStore _keys;
    private readonly AccessTokenValidationSettings _settings;

    /// <summary>Creates a verifier over the issuer's keys.</summary>
    /// <param name="keys">The issuer's signing keys.</param>
    /// <param name="settings">Issuer, client and skew the token must match.</param>
    public AccessTokenVerifier(JwksKeyStore keys, AccessTokenValidationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(settings);
        _keys = keys;
        _settings = settings;
    }

    /// <summary>Verifies the token of an <c>Authorization: Bearer</c> header value.</summary>
    /// <param name="authorizationHeader">The header value as received, or null when absent.</param>
    /// <param name="cancellationToken">Cancels a JWKS fetch.</param>
    /// <returns>The verified caller and tenant.</returns>
    /// <exception cref="TokenRejectedException">The header is missing or the token fails any check.</exception>
    /// <exception cref="TenantClaimRejectedException">The token is genuine but names no valid tenant.</exception>
    public ValueTask<VerifiedUser> VerifyAsync(string? authorizationHeader, CancellationToken cancellationToken) =>
        VerifyTokenAsync(ReadBearerToken(authorizationHeader), cancellationToken);

    /// <summary>Verifies a bare token (no scheme).</summary>
    /// <param name="token">The compact JWT.</param>
    /// <param name="cancellationToken">Cancels a JWKS fetch.</param>
    /// <returns>The verified caller and tenant.</returns>
    /// <exception cref="TokenRejectedException">The token fails any check.</exception>
    /// <exception cref="TenantClaimRejectedException">The token is genuine but names no valid tenant.</exception>
    public async ValueTask<VerifiedUser> VerifyTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new TokenRejectedException("An access token is required (Authorization: Bearer <token>).");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            throw new TokenRejectedException("The bearer token is not a well-formed JWT.", ex);
        }

        if (!string.Equals(unverified.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
        {
            throw new TokenRejectedException("The token must be signed with RS256.");
        }

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            throw new TokenRejectedException("The token does not name its signing key (kid).");
        }

        var key = await _keys.FindAsync(unverified.Kid, cancellationToken).ConfigureAwait(false)
            ?? throw new TokenRejectedException("The token is signed with a key the issuer does not publish.");

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _settings.Issuer,
            ValidateIssuer = true,
            ValidateAudience = false, // client_id is checked below: Cognito access tokens carry no aud.
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = _settings.ClockSkew,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKey = key,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
        };

        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken verified)
        {
            throw new TokenRejectedException(Describe(result.Exception), result.Exception ?? new SecurityTokenValidationException("invalid token"));
        }

        if (Claim(verified, "token_use") != "access")
        {
            throw new TokenRejectedException("Only access tokens are accepted (token_use must be 'access').");
        }

        if (Claim(verified, "client_id") != _settings.ClientId)
        {
            throw new TokenRejectedException("The token was issued to another client.");
        }

        if (verified.TryGetClaim("aud", out _) && !verified.Audiences.Contains(_settings.ClientId, StringComparer.Ordinal))
        {
            throw new TokenRejectedException("The token was issued for another audience.");
        }

        var subject = Claim(verified, "sub");
        if (string.IsNullOrEmpty(subject))
        {
            throw new TokenRejectedException("The token has no subject.");
        }

        var tenantClaim = Claim(verified, TenantClaim)
            ?? throw new TenantClaimRejectedException($"The token carries no {TenantClaim} claim, so no tenant can be served.");
        if (!TenantId.TryParse(tenantClaim, out var tenantId, out var error))
        {
            throw new TenantClaimRejectedException($"The token's {TenantClaim} claim is not a valid tenant id: {error}");
        }

        return new VerifiedUser(subject, Claim(verified, "username"), tenantId, verified.ValidTo == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(verified.ValidTo, TimeSpan.Zero));
    }

    /// <summary>The token of a Bearer header value.</summary>
    /// <param name="header">The <c>Authorization</c> header value.</param>
    /// <returns>The token without the scheme.</returns>
    /// <exception cref="TokenRejectedException">Missing, or not the Bearer scheme.</exception>
    public static string ReadBearerToken(string? header)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(header))
        {
            throw new TokenRejectedException("An access token is required (Authorization: Bearer <token>).");
        }

        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            throw new TokenRejectedException("The Authorization header must use the Bearer scheme.");
        }

        var token = header[scheme.Length..].Trim();
        return token.Length <= MaxTokenLength ? token : throw new TokenRejectedException("The bearer token is too large.");
    }

    private static string? Claim(JsonWebToken token, string name) =>
        token.TryGetClaim(name, out var claim) ? claim.Value : null;

    // Says which check failed without echoing token content.
    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The token was issued by another issuer.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token signature is invalid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidAlgorithmException => "The token must be signed with RS256.",
        _ => "The token is invalid.",
    };
}
