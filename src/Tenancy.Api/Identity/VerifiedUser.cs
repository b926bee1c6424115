using Tenancy.Isolation;

namespace Tenancy.Api.Identity;

/// <summary>The caller as the verified access token describes them; the tenant comes from nowhere else.</summary>
public sealed record VerifiedUser(string Subject, string? UserName, TenantId TenantId, DateTimeOffset ExpiresAt);
