using System.Security.Cryptography;

namespace Tenancy.Local.Emulator.Services.Kms;

/// <summary>
/// One symmetric KMS key: a random 256-bit master secret that never leaves the local cloud, its state and tags.
/// State and tags change under a lock so a concurrent Decrypt sees either the old or the new state.
/// </summary>
public sealed class KmsKey
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _tags;
    private KmsKeyState _state = KmsKeyState.Enabled;
    private DateTimeOffset? _deletionDate;

    public KmsKey(string keyId, string description, DateTimeOffset createdAt, IReadOnlyDictionary<string, string> tags)
    {
        KeyId = keyId;
        Arn = LocalAccount.KeyArn(keyId);
        Description = description;
        CreatedAt = createdAt;
        _tags = new Dictionary<string, string>(tags, StringComparer.Ordinal);
        MasterSecret = RandomNumberGenerator.GetBytes(32);
    }

    public string KeyId { get; }

    public string Arn { get; }

    public string Description { get; }

    public DateTimeOffset CreatedAt { get; }

    internal byte[] MasterSecret { get; }

    public KmsKeyState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public DateTimeOffset? DeletionDate
    {
        get
        {
            lock (_gate)
            {
                return _deletionDate;
            }
        }
    }

    public IReadOnlyDictionary<string, string> Tags
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_tags, StringComparer.Ordinal);
            }
        }
    }

    public void SetState(KmsKeyState state, DateTimeOffset? deletionDate = null)
    {
        lock (_gate)
        {
            _state = state;
            _deletionDate = deletionDate;
        }
    }

    public void SetTags(IEnumerable<KeyValuePair<string, string>> tags)
    {
        lock (_gate)
        {
            foreach (var (key, value) in tags)
            {
                _tags[key] = value;
            }
        }
    }

    public void RemoveTags(IEnumerable<string> keys)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _tags.Remove(key);
            }
        }
    }
}
