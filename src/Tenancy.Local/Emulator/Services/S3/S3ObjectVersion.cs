namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>One entry of a version listing: a stored version or delete marker, and whether it is the key's latest.</summary>
public sealed record S3ObjectVersion(S3StoredObject Stored, bool IsLatest);
