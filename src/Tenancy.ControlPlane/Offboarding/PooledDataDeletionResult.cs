namespace Tenancy.ControlPlane.Offboarding;

/// <summary>
/// Output of <c>pooled-data-deletion</c>. <see cref="Cursor"/> null means every pooled item of the tenant is gone (a
/// full pass over its shards found nothing left); otherwise the state machine invokes again with it.
/// <see cref="Skipped"/> counts index entries naming the tenant's shard on an item outside its partitions: never deleted.
/// </summary>
public sealed record PooledDataDeletionResult(string TenantId, string? Cursor, int Deleted, int Skipped);
