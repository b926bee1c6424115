namespace Tenancy.Isolation.Objects;

/// <summary>One listed object: its name within the area, its stored size, entity tag and last write.</summary>
public sealed record TenantObjectInfo(string Name, long StoredSize, string ETag, DateTimeOffset LastModified);
