namespace Tenancy.Isolation.Encryption;

/// <summary>
/// The KMS encryption context every tenant data key is bound to: <c>{"tenant": "&lt;id&gt;"}</c>. The tenant-scoped
/// role's policy allows KMS only when <c>kms:EncryptionContext:tenant</c> equals the session's <c>TenantID</c> tag.
/// </summary>
internal static class TenantKeyContext
{
    public const string TenantKey = "tenant";

    public static Dictionary<string, string> For(TenantId tenantId) => new(StringComparer.Ordinal) { [TenantKey] = tenantId.Value };
}
