namespace Tenancy.Local.Emulator.Services.Sts;

/// <summary>Verifies a web identity token for AssumeRoleWithWebIdentity (the local issuer implements it).</summary>
public interface IWebIdentityVerifier
{
    /// <summary>The OIDC provider name the trust policy uses (<c>host:port/userPoolId</c>, the issuer without scheme).</summary>
    string ProviderName { get; }

    /// <returns>The identity, or null with <paramref name="errorCode"/> (<c>InvalidIdentityToken</c>, <c>ExpiredTokenException</c>) and <paramref name="error"/>.</returns>
    WebIdentity? Verify(string token, out string errorCode, out string error);
}
