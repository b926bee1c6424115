namespace Tenancy.Isolation.Repositories;

/// <summary>
/// A page of query results. <see cref="ContinuationToken"/> is opaque and bound to the tenant and query that made it;
/// it is null on the last page.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
