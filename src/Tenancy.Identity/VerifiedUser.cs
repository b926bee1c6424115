using Tenancy.Isolation;

namespace Tenancy.Identity;

/// <summary>The caller as the verified access token describes them; the tenant comes from nowhere else.</summary>
/// <param name="Subject">The token's <c>sub</c>.</param>
/// <param name="UserName">The token's <c>username</c>, if any.</param>
/// <param name="TenantId">The tenant of the verified <c>custom:tenantID</c> claim.</param>
/// <param name="ExpiresAt">When the token expires.</param>
public sealed record VerifiedUser(string Subject, string? UserName, TenantId TenantId, DateTimeOffset ExpiresAt);
