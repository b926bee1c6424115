using System.Security.Cryptography;

namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>
/// One bucket's keys, kept in key order as S3 lists them (ordinal order, which equals S3's UTF-8 binary order
/// except for characters above U+FFFF against U+E000–U+FFFF), each with its versions newest first. In a versioned
/// bucket a write adds a version and a delete without a version id adds a delete marker; older versions stay until
/// deleted by version id. In an unversioned bucket each key has one version, <c>null</c>, that a write replaces.
/// </summary>
public sealed class S3Bucket
{
    private readonly SortedDictionary<string, List<S3StoredObject>> _keys = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _sequence;

    public S3Bucket(string name, bool versioned = false)
    {
        Name = name;
        Versioned = versioned;
    }

    public string Name { get; }

    /// <summary>Versioning enabled (<c>VersioningConfiguration: { Status: Enabled }</c>).</summary>
    public bool Versioned { get; }

    /// <summary>Stores <paramref name="stored"/> as the key's latest version and returns it with its version id.</summary>
    public S3StoredObject Put(S3StoredObject stored)
    {
        lock (_lock)
        {
            var sequence = ++_sequence;
            var version = stored with { VersionId = Versioned ? NewVersionId(sequence) : S3StoredObject.NullVersionId, Sequence = sequence, IsDeleteMarker = false };
            if (Versioned && _keys.TryGetValue(stored.Key, out var versions))
            {
                versions.Insert(0, version);
            }
            else
            {
                _keys[stored.Key] = [version];
            }

            return version;
        }
    }

    /// <summary>The key's latest version, or null when there is none or it is a delete marker.</summary>
    public S3StoredObject? Get(string key)
    {
        lock (_lock)
        {
            return _keys.TryGetValue(key, out var versions) && !versions[0].IsDeleteMarker ? versions[0] : null;
        }
    }

    /// <summary>The key's latest entry, delete marker included.</summary>
    public S3StoredObject? Latest(string key)
    {
        lock (_lock)
        {
            return _keys.TryGetValue(key, out var versions) ? versions[0] : null;
        }
    }

    /// <summary>One version of the key (possibly a delete marker), or null when the key has no such version.</summary>
    public S3StoredObject? Get(string key, string versionId)
    {
        lock (_lock)
        {
            return _keys.TryGetValue(key, out var versions) ? versions.Find(v => v.VersionId == versionId) : null;
        }
    }

    /// <summary>
    /// Without a version id: adds a delete marker in a versioned bucket, removes the object otherwise. With one:
    /// removes that version (or marker) for good; deleting a version that does not exist succeeds, as in S3.
    /// </summary>
    public S3DeleteOutcome Delete(string key, string? versionId, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (versionId is not null)
            {
                if (_keys.TryGetValue(key, out var versions))
                {
                    var removed = versions.Find(v => v.VersionId == versionId);
                    if (removed is not null)
                    {
                        versions.Remove(removed);
                        if (versions.Count == 0)
                        {
                            _keys.Remove(key);
                        }

                        return new S3DeleteOutcome(versionId, removed.IsDeleteMarker);
                    }
                }

                return new S3DeleteOutcome(versionId, false);
            }

            if (!Versioned)
            {
                _keys.Remove(key);
                return new S3DeleteOutcome(null, false);
            }

            var sequence = ++_sequence;
            var marker = S3StoredObject.DeleteMarker(key, NewVersionId(sequence), sequence, now);
            if (_keys.TryGetValue(key, out var existing))
            {
                existing.Insert(0, marker);
            }
            else
            {
                _keys[key] = [marker];
            }

            return new S3DeleteOutcome(marker.VersionId, true);
        }
    }

    /// <summary>The current objects whose key starts with <paramref name="prefix"/> and sorts after <paramref name="after"/>, in key order (a snapshot).</summary>
    public IReadOnlyList<S3StoredObject> After(string prefix, string? after)
    {
        lock (_lock)
        {
            return _keys
                .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && (after is null || string.CompareOrdinal(e.Key, after) > 0) && !e.Value[0].IsDeleteMarker)
                .Select(e => e.Value[0])
                .ToList();
        }
    }

    /// <summary>
    /// Every version and delete marker under <paramref name="prefix"/> in key order, newest first within a key, after
    /// the version <paramref name="versionIdMarker"/> of <paramref name="keyMarker"/> (or after the whole key when no
    /// version id marker is given), at most <paramref name="limit"/> of them (a snapshot).
    /// </summary>
    public IReadOnlyList<S3ObjectVersion> VersionsAfter(string prefix, string? keyMarker, string? versionIdMarker, int limit)
    {
        lock (_lock)
        {
            var page = new List<S3ObjectVersion>();
            foreach (var (key, versions) in _keys)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal) || (keyMarker is not null && string.CompareOrdinal(key, keyMarker) < 0))
                {
                    continue;
                }

                var start = 0;
                if (keyMarker is not null && key == keyMarker)
                {
                    // The marker is a position, like S3's: it still works after its version was deleted.
                    var markerSequence = versionIdMarker is null ? null : SequenceOf(versionIdMarker, versions);
                    if (markerSequence is null)
                    {
                        continue;
                    }

                    start = versions.FindIndex(v => v.Sequence < markerSequence.Value);
                    if (start < 0)
                    {
                        continue;
                    }
                }

                for (var i = start; i < versions.Count; i++)
                {
                    if (page.Count == limit)
                    {
                        return page;
                    }

                    page.Add(new S3ObjectVersion(versions[i], i == 0));
                }
            }

            return page;
        }
    }

    private static long? SequenceOf(string versionId, List<S3StoredObject> versions)
    {
        if (versionId == S3StoredObject.NullVersionId)
        {
            return versions.Find(v => v.VersionId == versionId)?.Sequence;
        }

        return versionId.Length == 32 && long.TryParse(versionId.AsSpan(0, 16), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
    }

    // Unique and URL-safe like S3's, and like S3's it carries the version's position (here its sequence number).
    private static string NewVersionId(long sequence) => $"{sequence:x16}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
}
