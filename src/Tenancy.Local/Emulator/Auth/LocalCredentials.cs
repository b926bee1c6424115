using Amazon.Runtime;

namespace Tenancy.Local.Emulator.Auth;

/// <summary>An access key pair (and session token for temporary credentials) issued by the local cloud.</summary>
public sealed record LocalCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    /// <summary>The same credentials as the AWS SDK type, for clients built by tests or the API.</summary>
    public AWSCredentials ToAwsCredentials() =>
        SessionToken is null
            ? new BasicAWSCredentials(AccessKeyId, SecretAccessKey)
            : new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken);
}
