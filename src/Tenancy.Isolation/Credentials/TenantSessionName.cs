using System.Security.Cryptography;
using System.Text;

namespace Tenancy.Isolation.Credentials;

/// <summary>
/// The <c>RoleSessionName</c> of a tenant session, recognisable in CloudTrail:
/// <c>&lt;prefix&gt;-&lt;tenantId&gt;-&lt;first 8 hex of SHA-256(user)&gt;</c>, at most 16 + 1 + 32 + 1 + 8 = 58
/// characters (STS allows 64). The user is hashed so the name identifies the session without exposing the subject.
/// </summary>
public static class TenantSessionName
{
    /// <summary>Longest prefix kept, so the tenant and user still fit in STS's 64 characters.</summary>
    public const int MaxPrefixLength = 16;

    /// <summary>The STS role session name for a user of a tenant, which CloudTrail records next to every call.</summary>
    public static string For(string prefix, TenantId tenantId, string userId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(userId ?? string.Empty), hash);
        return $"{prefix}-{tenantId.Value}-{Convert.ToHexStringLower(hash[..4])}";
    }

    internal static bool IsValidPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix) && prefix.Length <= MaxPrefixLength && StsNames.AllAllowed(prefix);
}
