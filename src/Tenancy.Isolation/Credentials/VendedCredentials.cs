namespace Tenancy.Isolation.Credentials;

/// <summary>One STS session for one tenant.</summary>
internal sealed record VendedCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration);
