namespace Tenancy.Local.Emulator.Services.S3;

/// <summary>What a delete did: the version it removed or the delete marker it added (then <see cref="DeleteMarker"/>).</summary>
public sealed record S3DeleteOutcome(string? VersionId, bool DeleteMarker);
