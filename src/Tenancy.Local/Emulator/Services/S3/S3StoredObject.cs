namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>
/// One stored version of a key: its bytes, the headers S3 returns with it, when it was written and its version id
/// (<c>null</c> in an unversioned bucket, as S3 names it). A delete marker has no bytes.
/// </summary>
public sealed record S3StoredObject(
    string Key,
    byte[] Content,
    string ContentType,
    string ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The version id S3 gives objects written while versioning was never enabled.</summary>
    public const string NullVersionId = "null";

    public string VersionId { get; init; } = NullVersionId;

    public bool IsDeleteMarker { get; init; }

    /// <summary>The bucket's write sequence number of this version: versions of a key list in descending sequence.</summary>
    public long Sequence { get; init; }

    public static S3StoredObject DeleteMarker(string key, string versionId, long sequence, DateTimeOffset at) =>
        new(key, [], string.Empty, string.Empty, at, new Dictionary<string, string>(StringComparer.Ordinal)) { VersionId = versionId, Sequence = sequence, IsDeleteMarker = true };
}
