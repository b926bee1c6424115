using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Tenancy.Isolation.Credentials;

/// <summary>
/// <c>AssumeRoleWithWebIdentity</c>: the session tags come from the token's <c>https://aws.amazon.com/tags</c>
/// claim, so the tenant is asserted by the issuer, not by this process. The call is unsigned (no function credentials).
/// </summary>
internal sealed class WebIdentitySessionVendor(IAmazonSecurityTokenService sts, TenantCredentialOptions options) : ITenantSessionVendor
{
    public async Task<VendedCredentials> VendAsync(TenantId tenantId, TenantTier tier, TenantRequestor requestor, CancellationToken cancellationToken)
    {
        if (!SourceIdentity.TryCreate(requestor.UserId, out var user, out var error))
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.CredentialVendingFailed, $"The requestor cannot be named in the session: {error}.");
        }

        var token = await options.WebIdentityToken!(tenantId, requestor, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.CredentialVendingFailed, "No web identity token was supplied for the tenant session.");
        }

        var response = await sts.AssumeRoleWithWebIdentityAsync(
            new AssumeRoleWithWebIdentityRequest
            {
                RoleArn = options.RoleArn,
                RoleSessionName = TenantSessionName.For(options.SessionNamePrefix, tenantId, user),
                DurationSeconds = (int)options.SessionDuration.TotalSeconds,
                WebIdentityToken = token,
            },
            cancellationToken).ConfigureAwait(false);

        return StsResponses.ToVended(response.Credentials);
    }
}
