namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>One stored object: its bytes, the headers S3 returns with it, and when it was written.</summary>
public sealed record S3StoredObject(
    string Key,
    byte[] Content,
    string ContentType,
    string ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
