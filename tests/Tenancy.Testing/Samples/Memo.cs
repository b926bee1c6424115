using Tenancy.Isolation.Repositories;

namespace Tenancy.Testing.Samples;

/// <summary>One placeholder in the whole key, so it supports batch get.</summary>
[TenantEntity("NOTE#{Id}")]
public sealed record Memo(Guid Id, string Title, byte[]? Attachment);
