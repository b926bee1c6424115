namespace Tenancy.Isolation;

/// <summary>Why a tenant scope was refused.</summary>
public enum TenantAccessDeniedReason
{
    MissingTenant,
    UnknownTenant,
    InactiveTenant,
    CredentialMismatch,
    CredentialVendingFailed,
}
