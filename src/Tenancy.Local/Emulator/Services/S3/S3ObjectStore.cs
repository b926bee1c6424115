using System.Collections.Concurrent;

namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>The local S3's buckets, in memory: the local cloud lives for one run or one test collection.</summary>
public sealed class S3ObjectStore
{
    private readonly ConcurrentDictionary<string, S3Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Creates the bucket, versioned when asked; false when it already exists.</summary>
    public bool CreateBucket(string name, bool versioned = false) => _buckets.TryAdd(name, new S3Bucket(name, versioned));

    public S3Bucket? Bucket(string name) => _buckets.GetValueOrDefault(name);

    public bool Exists(string name) => _buckets.ContainsKey(name);
}
