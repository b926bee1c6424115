namespace Tenancy.Isolation.Credentials;

/// <summary>How <see cref="StsTenantClientProvider"/> obtains a tenant session.</summary>
public enum CredentialVendingMode
{
    /// <summary>
    /// <c>AssumeRole</c> with the function's own credentials, setting the session tags <c>TenantID</c> (transitive)
    /// and <c>TenantTier</c> and the <c>SourceIdentity</c> itself. The default.
    /// </summary>
    AssumeRole = 0,

    /// <summary>
    /// <c>AssumeRoleWithWebIdentity</c> with a token whose <c>https://aws.amazon.com/tags</c> claim carries the
    /// session tags (set by the issuer, e.g. the pre-token trigger). The role's trust policy must name the identity
    /// provider; the function's own credentials are not used at all.
    /// </summary>
    AssumeRoleWithWebIdentity = 1,
}
