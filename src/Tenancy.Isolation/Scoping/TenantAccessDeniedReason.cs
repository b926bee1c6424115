namespace Tenancy.Isolation;

/// <summary>Why a tenant scope was refused.</summary>
public enum TenantAccessDeniedReason
{
    /// <summary>The request named no tenant.</summary>
    MissingTenant,
    /// <summary>The tenant is not registered.</summary>
    UnknownTenant,
    /// <summary>The tenant exists but is not active.</summary>
    InactiveTenant,
    /// <summary>The credentials obtained belong to another tenant.</summary>
    CredentialMismatch,
    /// <summary>STS refused or failed to vend tenant credentials.</summary>
    CredentialVendingFailed,
}
