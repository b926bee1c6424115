using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Tenancy.Isolation.Credentials;

/// <summary>
/// <c>AssumeRole</c> on the tenant data role with the function's own credentials: session tags <c>TenantID</c>
/// (transitive, so chained sessions keep it) and <c>TenantTier</c>, <c>SourceIdentity</c> = the user.
/// </summary>
internal sealed class AssumeRoleSessionVendor(IAmazonSecurityTokenService sts, TenantCredentialOptions options) : ITenantSessionVendor
{
    public const string TenantTagKey = "TenantID";
    public const string TierTagKey = "TenantTier";

    public async Task<VendedCredentials> VendAsync(TenantId tenantId, TenantTier tier, TenantRequestor requestor, CancellationToken cancellationToken)
    {
        if (!SourceIdentity.TryCreate(requestor.UserId, out var sourceIdentity, out var error))
        {
            throw new TenantAccessDeniedException(TenantAccessDeniedReason.CredentialVendingFailed, $"The requestor cannot be named in the session: {error}.");
        }

        var response = await sts.AssumeRoleAsync(
            new AssumeRoleRequest
            {
                RoleArn = options.RoleArn,
                RoleSessionName = TenantSessionName.For(options.SessionNamePrefix, tenantId, sourceIdentity),
                DurationSeconds = (int)options.SessionDuration.TotalSeconds,
                SourceIdentity = sourceIdentity,
                Tags =
                [
                    new Tag { Key = TenantTagKey, Value = tenantId.Value },
                    new Tag { Key = TierTagKey, Value = tier == TenantTier.Premium ? "Premium" : "Basic" },
                ],
                TransitiveTagKeys = [TenantTagKey],
            },
            cancellationToken).ConfigureAwait(false);

        return StsResponses.ToVended(response.Credentials);
    }
}
