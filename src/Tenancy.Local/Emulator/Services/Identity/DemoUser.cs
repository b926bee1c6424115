namespace Tenancy.Local.Emulator.Services.Identity;

/// <summary>
/// A user of the local user pool. The tenant attributes are set by the control plane (onboarding) and are
/// immutable for the app client, like <c>custom:tenantID</c> in the Cognito pool.
/// </summary>
public sealed record DemoUser(string Username, string Subject, string Email, string? TenantId, string? TenantTier, IReadOnlyList<string> Groups);
