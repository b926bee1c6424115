namespace Tenancy.Isolation.Credentials;

/// <summary>Checks an STS credentials element before it is trusted for anything.</summary>
internal static class StsResponses
{
    public static VendedCredentials ToVended(Amazon.SecurityToken.Model.Credentials? credentials)
    {
        if (credentials is null || string.IsNullOrEmpty(credentials.AccessKeyId) || string.IsNullOrEmpty(credentials.SecretAccessKey)
            || string.IsNullOrEmpty(credentials.SessionToken) || credentials.Expiration is not { } expiration)
        {
            throw new InvalidOperationException("STS returned an incomplete session (missing key, secret, token or expiration).");
        }

        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(expiration.Kind == DateTimeKind.Local ? expiration.ToUniversalTime() : expiration, DateTimeKind.Utc));
        return new VendedCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, expiresAt);
    }
}
