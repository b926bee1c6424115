using System.Collections.Concurrent;

namespace Tenancy.Local.Emulator.Auth;

/// <summary>Every access key the local cloud has issued, looked up when a signed request arrives.</summary>
public sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, LocalPrincipal> _byAccessKey = new(StringComparer.Ordinal);

    public void Add(LocalPrincipal principal)
    {
        if (!_byAccessKey.TryAdd(principal.Credentials.AccessKeyId, principal))
        {
            throw new InvalidOperationException($"Access key {principal.Credentials.AccessKeyId} was issued twice.");
        }
    }

    public bool TryGet(string accessKeyId, out LocalPrincipal principal) => _byAccessKey.TryGetValue(accessKeyId, out principal!);
}
