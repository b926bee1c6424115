using System.Collections.Concurrent;
using Tenancy.Local.Emulator.Pipeline;

namespace Tenancy.Local.Emulator.Services.Kms;

/// <summary>Keys and aliases of the local KMS, and resolution of every KeyId spelling KMS accepts.</summary>
public sealed class KmsKeyStore
{
    private readonly ConcurrentDictionary<string, KmsKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public KmsKey Create(string description, IReadOnlyDictionary<string, string> tags, DateTimeOffset now)
    {
        var key = new KmsKey(Guid.NewGuid().ToString(), description, now, tags);
        _keys[key.KeyId] = key;
        return key;
    }

    public IReadOnlyCollection<KmsKey> Keys => _keys.Values.ToArray();

    public IEnumerable<(string Alias, string KeyId)> Aliases => _aliases.Select(kv => (kv.Key, kv.Value)).OrderBy(a => a.Key, StringComparer.Ordinal);

    public bool TryAddAlias(string alias, string keyId) => _aliases.TryAdd(alias, keyId);

    public bool TryRemoveAlias(string alias) => _aliases.TryRemove(alias, out _);

    /// <summary>Resolves a key id, key ARN, alias name or alias ARN; throws NotFoundException like KMS.</summary>
    public KmsKey Resolve(string? keyIdentifier)
    {
        if (string.IsNullOrEmpty(keyIdentifier))
        {
            throw AwsServiceException.ClientError("ValidationException", "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
        }

        var aliasPrefix = $"arn:{LocalAccount.Partition}:kms:{LocalAccount.Region}:{LocalAccount.Id}:";
        var keyPrefix = aliasPrefix + "key/";
        var identifier = keyIdentifier;
        if (identifier.StartsWith(aliasPrefix + "alias/", StringComparison.Ordinal))
        {
            identifier = identifier[aliasPrefix.Length..];
        }

        if (identifier.StartsWith("alias/", StringComparison.Ordinal))
        {
            return _aliases.TryGetValue(identifier, out var target) && _keys.TryGetValue(target, out var aliased)
                ? aliased
                : throw AwsServiceException.ClientError("NotFoundException", $"Alias {aliasPrefix}{identifier} is not found.");
        }

        if (identifier.StartsWith(keyPrefix, StringComparison.Ordinal))
        {
            identifier = identifier[keyPrefix.Length..];
        }

        return _keys.TryGetValue(identifier, out var key)
            ? key
            : throw AwsServiceException.ClientError("NotFoundException", $"Key '{keyPrefix}{identifier}' does not exist");
    }

    public bool TryGet(string keyId, out KmsKey key) => _keys.TryGetValue(keyId, out key!);
}
