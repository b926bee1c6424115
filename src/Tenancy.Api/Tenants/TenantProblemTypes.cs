using Tenancy.Api.Problems;

namespace Tenancy.Api.Tenants;

/// <summary>The problem <c>type</c> URIs only tenant isolation produces.</summary>
public static class TenantProblemTypes
{
    /// <summary>An encrypted attribute could not be decrypted with the tenant's key; no data is returned.</summary>
    public const string DataUnreadable = ProblemTypes.Base + "tenant-data-unreadable";

    /// <summary>503: the tenant's data is being moved (pool ⇄ silo); retry the write after <c>Retry-After</c>.</summary>
    public const string TenantMoving = ProblemTypes.Base + "tenant-moving";
}
