using Amazon.Runtime;

namespace Tenancy.Isolation.Credentials;

/// <summary>
/// The credentials the tenant's SDK clients sign with: always the tenant's current vended session, swapped in
/// place on renewal so the clients are built once and reused. Before the first session there is nothing to sign
/// with, and it throws rather than letting the SDK fall back to any other credentials.
/// </summary>
internal sealed class VendedSessionCredentials : AWSCredentials
{
    private volatile ImmutableCredentials? _current;

    public void Replace(VendedCredentials credentials) =>
        _current = new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);

    public override ImmutableCredentials GetCredentials() =>
        _current ?? throw new InvalidOperationException("No tenant session has been vended for these clients.");

    public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(GetCredentials());
}
